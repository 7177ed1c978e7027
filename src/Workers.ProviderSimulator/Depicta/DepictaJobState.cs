namespace Workers.ProviderSimulator.Depicta;

/// <summary>A job's status and finished scenes at one instant, derived from its timeline.</summary>
internal readonly record struct DepictaJobState(string Status, int ScenesCompleted)
{
    public bool IsCompleted => Status == DepictaStatuses.Completed;

    public bool IsFailed => Status == DepictaStatuses.Failed;

    /// <summary>
    /// pending until <see cref="DepictaJob.PendingFor"/>; then processing, the images (portraits first, then scenes)
    /// finishing at equal steps, so <c>scenes_completed</c> rises scene by scene once the portraits are done; then
    /// completed (every scene) or failed at <see cref="DepictaJob.RunFor"/>. Failed and stuck jobs stop one image short.
    /// </summary>
    public static DepictaJobState At(DepictaJob job, DateTimeOffset now)
    {
        var elapsed = now - job.CreatedAt;
        if (elapsed < job.PendingFor)
        {
            return new(DepictaStatuses.Pending, 0);
        }

        var story = job.Story;
        var ended = elapsed >= job.RunFor && job.Fate != DepictaFate.Stuck;
        if (ended && job.Fate == DepictaFate.Complete)
        {
            return new(DepictaStatuses.Completed, story.Scenes.Count);
        }

        var working = job.RunFor - job.PendingFor;
        var share = working > TimeSpan.Zero ? (elapsed - job.PendingFor) / working : 1.0;
        var imagesDone = Math.Clamp((int)(share * story.ImageCount), 0, story.ImageCount - 1);
        var scenesDone = Math.Max(0, imagesDone - story.CharacterNames.Count);
        return new(ended ? DepictaStatuses.Failed : DepictaStatuses.Processing, scenesDone);
    }
}
