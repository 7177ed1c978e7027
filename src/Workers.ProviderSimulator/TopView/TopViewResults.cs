using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Imaging;
using Workers.ProviderSimulator.Video;

namespace Workers.ProviderSimulator.TopView;

/// <summary>Builds a task's query result (also embedded in its callback), with fresh signed links once it succeeded.</summary>
internal sealed class TopViewResults(FileLinks links)
{
    /// <summary>The result object for <paramref name="task"/> in <paramref name="status"/>; links are based on <paramref name="request"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="status">Its status now (or at its end, for a callback).</param>
    /// <param name="request">Whose scheme and host the links use.</param>
    /// <param name="cloudFront"><c>needCloudFrontUrl</c>: the links say <c>cdn</c> instead of <c>s3</c> (both are signed simulator links).</param>
    public object Build(TopViewTask task, string status, HttpRequest request, bool cloudFront)
    {
        var succeeded = status == TopViewTaskState.Success;
        var errorMsg = status == TopViewTaskState.Fail ? task.FailureMessage : null;
        var cost = succeeded ? task.Cost : 0m;
        var links = succeeded ? Links(task, request, cloudFront) : [];
        return task.Order switch
        {
            TopViewStoryboardOrder storyboard => new TopViewStoryboardResult(
                task.TaskId,
                status,
                errorMsg,
                cost,
                task.Order.BoardId,
                links.Select((link, index) => new TopViewImageItem(
                    ItemStatus(link), FileIdOf(task, link, index), link, storyboard.Width, storyboard.Height, ItemError(task, link), task.BoardTaskId)).ToList()),
            TopViewVideoOrder video => new TopViewVideoResult(
                task.TaskId,
                status,
                errorMsg,
                cost,
                task.Order.BoardId,
                task.BoardTaskId,
                links.Select((link, index) => new TopViewVideoItem(
                    ItemStatus(link), FileIdOf(task, link, index), link, video.Width, video.Height, video.DurationSeconds, ItemError(task, link))).ToList()),
            _ => throw new InvalidOperationException($"Unknown order type {task.Order.GetType().Name}."),
        };
    }

    /// <summary>The readable last segment of a result link, e.g. <c>s3-&lt;taskId&gt;-1.png</c>.</summary>
    public static string FileName(TopViewTask task, int index, bool cloudFront) =>
        $"{(cloudFront ? "cdn" : "s3")}-{task.TaskId}-{index + 1}.{Extension(task)}";

    private static string Extension(TopViewTask task) =>
        task.Kind == TopViewTaskKind.Storyboard ? PlaceholderImage.Extension(ImageFormat.Png) : PlaceholderVideo.Extension;

    // A failed item (no link) has no file, hence no fileId, and carries the failure's message.
    private static string? FileIdOf(TopViewTask task, string? link, int index) => link is null ? null : $"{task.TaskId}{index + 1:D2}";

    private static string ItemStatus(string? link) => link is null ? TopViewTaskState.Fail : TopViewTaskState.Success;

    private static string? ItemError(TopViewTask task, string? link) => link is null ? task.FailureMessage : null;

    /// <summary>One link per result item; null for the failed first items of a partial failure, which have no file.</summary>
    private List<string?> Links(TopViewTask task, HttpRequest request, bool cloudFront) =>
        Enumerable.Range(0, task.Order.Count)
            .Select(index => index < task.FailedItems
                ? null
                : links.Create(
                    request,
                    new FileAddress(SimulatedProviders.TopView, task.TaskId, index),
                    FileName(task, index, cloudFront)))
            .ToList();
}
