using System.Globalization;
using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Imaging;
using Workers.ProviderSimulator.Video;

namespace Workers.ProviderSimulator.TopView;

/// <summary>
/// TopView's result files, rendered on first download: a storyboard is one PNG grid of numbered panels, an
/// image-to-video task gives one placeholder MP4 per generatingCount.
/// </summary>
internal sealed class TopViewFileSource(TopViewTaskStore tasks) : ISimulatedFileSource
{
    public string Provider => SimulatedProviders.TopView;

    public SimulatedFile? Find(string taskId, int index, DateTimeOffset now)
    {
        // Below FailedItems (0 unless a partial failure) covers a negative index too: failed items have no file.
        if (tasks.Find(taskId) is not { } task
            || index < task.FailedItems
            || index >= task.Order.Count
            || TopViewTaskState.At(task, now) != TopViewTaskState.Success)
        {
            return null;
        }

        var seed = StableHash.NonNegativeInt32($"{taskId}#{index}");
        return task.Order switch
        {
            TopViewStoryboardOrder storyboard => new SimulatedFile(
                PlaceholderImage.ContentType(ImageFormat.Png),
                () => PlaceholderImage.Render(new ImageSpec(
                    storyboard.Width,
                    storyboard.Height,
                    ImageFormat.Png,
                    storyboard.Columns,
                    storyboard.Rows,
                    seed,
                    string.Create(CultureInfo.InvariantCulture, $"storyboard {storyboard.Panels} panels")))),
            TopViewVideoOrder video => new SimulatedFile(
                PlaceholderVideo.ContentType,
                () => PlaceholderVideo.Render(new VideoSpec(
                    video.Width,
                    video.Height,
                    video.DurationSeconds,
                    Seed: seed,
                    Caption: string.Create(CultureInfo.InvariantCulture, $"video {index + 1}/{video.Count}")))),
            _ => null,
        };
    }
}
