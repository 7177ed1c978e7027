namespace Workers.ProviderSimulator.UniAll;

/// <summary>A task's status and progress at one instant, derived from its timeline.</summary>
internal readonly record struct UniAllTaskState(string Status, int ProgressPercent)
{
    public bool IsSucceeded => Status == UniAllStatuses.Succeeded;

    public string Progress => $"{ProgressPercent}%";

    /// <summary>
    /// queued (0%) until <see cref="UniAllTask.QueuedFor"/>, then processing with progress rising linearly from 1%
    /// to 99%, then succeeded or failed (100%) at <see cref="UniAllTask.RunFor"/>. A stuck task stops at 99%.
    /// </summary>
    public static UniAllTaskState At(UniAllTask task, DateTimeOffset now)
    {
        var elapsed = now - task.CreatedAt;
        if (elapsed < task.QueuedFor)
        {
            return new(UniAllStatuses.Queued, 0);
        }

        if (elapsed >= task.RunFor && task.Fate != UniAllFate.Stuck)
        {
            return new(task.Fate == UniAllFate.Succeed ? UniAllStatuses.Succeeded : UniAllStatuses.Failed, 100);
        }

        var processing = task.RunFor - task.QueuedFor;
        var share = processing > TimeSpan.Zero ? (elapsed - task.QueuedFor) / processing : 1.0;
        return new(UniAllStatuses.Processing, Math.Clamp((int)(share * 100), 1, 99));
    }
}
