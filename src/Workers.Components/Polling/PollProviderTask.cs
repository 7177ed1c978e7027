namespace Workers.Components.Polling;

/// <summary>Internal: ask the provider how task of <see cref="RequestId"/> is doing (poll number <see cref="PollNumber"/>).</summary>
public sealed record PollProviderTask
{
    public string RequestId { get; init; } = "";

    public string Provider { get; init; } = "";

    /// <summary>0 for the first poll. Only one message per number goes on (see the store's poll claim).</summary>
    public int PollNumber { get; init; }
}
