using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Video;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// Apikley's files behind signed links: a succeeded task's MP4 (rendered on first download: n_frames seconds at the
/// aspect ratio's size) and uploaded files (their bytes, until they expire).
/// </summary>
internal sealed class ApikleyFileSource(ApikleyTaskStore tasks, ApikleyUploadStore uploads) : ISimulatedFileSource
{
    public string Provider => SimulatedProviders.Apikley;

    public SimulatedFile? Find(string taskId, int index, DateTimeOffset now)
    {
        if (index != 0)
        {
            return null;
        }

        if (taskId.StartsWith(ApikleyUpload.IdPrefix, StringComparison.Ordinal))
        {
            return uploads.FindById(taskId, now) is { } upload ? new SimulatedFile(upload.MimeType, () => upload.Bytes) : null;
        }

        if (tasks.Find(taskId) is not { } task || ApikleyTaskState.At(task, now).State != ApikleyStates.Success)
        {
            return null;
        }

        var (width, height) = task.Order.Size;
        var spec = new VideoSpec(width, height, task.Order.Seconds, Seed: StableHash.NonNegativeInt32(taskId), Caption: "sora-2-pro-storyboard");
        return new SimulatedFile(PlaceholderVideo.ContentType, () => PlaceholderVideo.Render(spec));
    }
}
