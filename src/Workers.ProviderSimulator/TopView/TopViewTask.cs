namespace Workers.ProviderSimulator.TopView;

/// <summary>How a task ends, decided when it is created.</summary>
internal enum TopViewFate
{
    Succeed,
    Fail,

    /// <summary>Never ends: stays <c>running</c> and never calls back.</summary>
    Stuck,
}

/// <summary>
/// An accepted task. It stores only its timeline; its status is computed from the clock when asked
/// (<see cref="TopViewTaskState"/>), so no timer runs per task and 100k live tasks cost one dictionary entry each.
/// </summary>
/// <remarks>
/// <c>Uid</c> owns it (other uids get 4004); <c>InitFor</c> is the time from submission until it turns
/// <c>running</c>, <c>RunFor</c> the time until it ends; <c>FailedItems</c> how many of its first result items fail
/// although it succeeds (a scripted partial failure), <c>FailureMessage</c> their errorMsg or the task's when it fails;
/// <c>Cost</c> what it charged (0 unless it succeeds, only the succeeded items' price after a partial failure).
/// </remarks>
internal sealed record TopViewTask(
    string TaskId,
    string Uid,
    TopViewOrder Order,
    DateTimeOffset CreatedAt,
    TimeSpan InitFor,
    TimeSpan RunFor,
    TopViewFate Fate,
    int FailedItems,
    string? FailureMessage,
    decimal Cost,
    string? BoardTaskId,
    string? NoticeUuid)
{
    public TopViewTaskKind Kind => Order.Kind;

    public DateTimeOffset EndsAt => Fate == TopViewFate.Stuck ? DateTimeOffset.MaxValue : CreatedAt + RunFor;
}
