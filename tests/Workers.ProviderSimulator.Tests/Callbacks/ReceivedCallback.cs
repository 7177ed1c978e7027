namespace Workers.ProviderSimulator.Tests.Callbacks;

/// <summary>One callback request as a <see cref="CallbackReceiver"/> got it.</summary>
internal sealed record ReceivedCallback(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(header => string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
