namespace Workers.Components.Polling;

/// <summary>Internal: ask the provider how task of <see cref="RequestId"/> is doing (poll number <see cref="PollNumber"/>).</summary>
public sealed record PollProviderTask
{
    public string RequestId { get; init; } = "";

    public string Provider { get; init; } = "";

    /// <summary>0 for the first poll. Only one message per number goes on (see the store's poll claim).</summary>
    public int PollNumber { get; init; }

    /// <summary>
    /// A poll out of schedule, because the provider called back: it reads the task once and hands it on if it ended, but
    /// neither claims a number nor schedules the next poll, so the regular chain is never forked.
    /// </summary>
    public bool Hint { get; init; }
}
