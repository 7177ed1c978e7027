namespace Workers.ProviderSimulator.TopView;

/// <summary>TopView's task status enum (docs/PROVIDERS.md §0.4) and the status of a task at one instant.</summary>
internal static class TopViewTaskState
{
    public const string Init = "init";
    public const string Running = "running";
    public const string Success = "success";
    public const string Fail = "fail";

    /// <summary>init until <see cref="TopViewTask.InitFor"/>, running until <see cref="TopViewTask.RunFor"/>, then success or fail; a stuck task stays running.</summary>
    public static string At(TopViewTask task, DateTimeOffset now)
    {
        var elapsed = now - task.CreatedAt;
        if (elapsed < task.InitFor)
        {
            return Init;
        }

        if (elapsed < task.RunFor || task.Fate == TopViewFate.Stuck)
        {
            return Running;
        }

        return task.Fate == TopViewFate.Succeed ? Success : Fail;
    }
}
