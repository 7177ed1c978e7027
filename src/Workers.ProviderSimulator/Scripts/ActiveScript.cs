namespace Workers.ProviderSimulator.Scripts;

/// <summary>A script as stored: its id and how many matching submissions it still applies to (null = until reset).</summary>
public sealed record ActiveScript(string Id, OutcomeScript Script, int? Remaining);
