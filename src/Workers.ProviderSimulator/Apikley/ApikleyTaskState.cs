namespace Workers.ProviderSimulator.Apikley;

/// <summary>A task's state at one instant, derived from its timeline, and when it last changed.</summary>
internal readonly record struct ApikleyTaskState(string State, DateTimeOffset UpdatedAt)
{
    public bool IsTerminal => State is ApikleyStates.Success or ApikleyStates.Fail;

    /// <summary>waiting → queuing → generating → success | fail at <see cref="ApikleyTask.RunFor"/>; a stuck task keeps generating.</summary>
    public static ApikleyTaskState At(ApikleyTask task, DateTimeOffset now)
    {
        var elapsed = now - task.CreatedAt;
        if (elapsed < task.WaitingFor)
        {
            return new(ApikleyStates.Waiting, task.CreatedAt);
        }

        if (elapsed < task.QueuedUntil)
        {
            return new(ApikleyStates.Queuing, task.CreatedAt + task.WaitingFor);
        }

        if (elapsed < task.RunFor || task.Fate == ApikleyFate.Stuck)
        {
            return new(ApikleyStates.Generating, task.CreatedAt + task.QueuedUntil);
        }

        return new(task.Fate == ApikleyFate.Succeed ? ApikleyStates.Success : ApikleyStates.Fail, task.EndsAt);
    }
}
