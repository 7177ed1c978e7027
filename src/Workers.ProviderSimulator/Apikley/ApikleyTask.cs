namespace Workers.ProviderSimulator.Apikley;

/// <summary>How a task ends, decided when it is created.</summary>
internal enum ApikleyFate
{
    Succeed,
    Fail,

    /// <summary>Never ends: stays <c>generating</c> and never calls back.</summary>
    Stuck,
}

/// <summary>
/// An accepted task. It stores only its timeline; its state is computed from the clock when asked
/// (<see cref="ApikleyTaskState"/>), so no timer runs per task.
/// </summary>
/// <remarks>
/// <c>Account</c> is the API key that created it (other keys cannot see it). <c>WaitingFor</c> and <c>QueuedUntil</c>
/// are the offsets from creation at which it turns <c>queuing</c> and <c>generating</c>; <c>RunFor</c> the offset at
/// which it ends. <c>Price</c> is what it costs when it succeeds (failed tasks cost 0).
/// </remarks>
internal sealed record ApikleyTask(
    string TaskId,
    string Account,
    ApikleyOrder Order,
    DateTimeOffset CreatedAt,
    TimeSpan WaitingFor,
    TimeSpan QueuedUntil,
    TimeSpan RunFor,
    ApikleyFate Fate,
    string? FailCode,
    string? FailMsg,
    decimal Price)
{
    /// <summary>When it ends (for a stuck task: when it would have).</summary>
    public DateTimeOffset EndsAt => CreatedAt + RunFor;

    /// <summary>What it consumes: the price when it succeeds, 0 otherwise.</summary>
    public decimal Charge => Fate == ApikleyFate.Succeed ? Price : 0;
}
