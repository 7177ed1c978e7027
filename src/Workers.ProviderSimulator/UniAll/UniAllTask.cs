namespace Workers.ProviderSimulator.UniAll;

/// <summary>How a task ends.</summary>
internal enum UniAllFate
{
    Succeed,
    Fail,

    /// <summary>Never ends: stays <c>processing</c>.</summary>
    Stuck,
}

/// <summary>
/// An accepted task. It stores only its timeline; its status is computed from the clock when asked
/// (<see cref="UniAllTaskState"/>), so no timer runs per task and 100k live tasks cost one dictionary entry each.
/// </summary>
/// <remarks>
/// <c>Account</c> is the API key that submitted it (other keys cannot see it); <c>QueuedFor</c> is the time from
/// submission until it turns <c>processing</c>, <c>RunFor</c> the time from submission until it ends.
/// </remarks>
internal sealed record UniAllTask(
    string TaskId,
    string Account,
    UniAllOrder Order,
    DateTimeOffset CreatedAt,
    TimeSpan QueuedFor,
    TimeSpan RunFor,
    UniAllFate Fate,
    string? FailureMessage);
