using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>UniAll's result images: rendered on first download from the task's order.</summary>
internal sealed class UniAllFileSource(UniAllTaskStore tasks) : ISimulatedFileSource
{
    public string Provider => SimulatedProviders.UniAll;

    public SimulatedFile? Find(string taskId, int index, DateTimeOffset now)
    {
        if (tasks.Find(taskId) is not { } task
            || index < 0
            || index >= task.Order.ResultCount
            || !UniAllTaskState.At(task, now).IsSucceeded)
        {
            return null;
        }

        var order = task.Order;
        var spec = new ImageSpec(
            order.Width,
            order.Height,
            order.Format,
            Seed: StableHash.NonNegativeInt32($"{taskId}#{index}"),
            Caption: $"img {index + 1}/{order.ResultCount}");
        return new SimulatedFile(PlaceholderImage.ContentType(order.Format), () => PlaceholderImage.Render(spec));
    }

    /// <summary>The readable last segment of a result link, e.g. <c>task_x-2.png</c>.</summary>
    public static string FileName(UniAllTask task, int index) =>
        $"{task.TaskId}-{index + 1}.{PlaceholderImage.Extension(task.Order.Format)}";
}
