namespace Workers.ProviderSimulator.Files;

/// <summary>Which result file a signed link points at: a provider's task and the file's 0-based index.</summary>
public readonly record struct FileAddress(string Provider, string TaskId, int Index);
