using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.TopView;

/// <summary>
/// Reads TopView tasks of both kinds for the poll consumer: storyboards and image-to-video tasks live behind different
/// query endpoints, chosen by <see cref="ProviderTaskRef.Kind"/>. Result links are signed anew on every query, so the
/// default <see cref="IProviderTaskReader.RefreshResultUrlAsync"/> (read the task again) is the right one.
/// </summary>
public sealed class TopViewTaskReader(TopViewClient client, IOptionsMonitor<TopViewOptions> options) : IProviderTaskReader
{
    public string Provider => ProviderNames.TopView;

    public PollSchedule Schedule(string kind, string model)
    {
        var settings = options.CurrentValue;
        if (kind == GenerationKinds.Storyboard)
        {
            return settings.StoryboardPolling.For(ModelKey(settings.StoryboardPolling, model, TopViewStoryboardModels.Find(model) is { } s ? [s.Code, s.DisplayName] : []));
        }

        return settings.VideoPolling.For(ModelKey(settings.VideoPolling, model, TopViewVideoModels.Find(model) is { } v ? [v.Code, v.DisplayName] : []));
    }

    public async Task<ProviderTaskState> GetTaskAsync(ProviderTaskRef task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var settings = options.CurrentValue;
        var account = settings.Account(task.Account);
        return task.Kind switch
        {
            GenerationKinds.Storyboard => TopViewStatus.FromStoryboard(
                await client.GetStoryboardTaskAsync(task.TaskId, account, settings.NeedCloudFrontUrl, cancellationToken).ConfigureAwait(false)),
            GenerationKinds.Video => TopViewStatus.FromVideo(
                await client.GetVideoTaskAsync(task.TaskId, account, settings.NeedCloudFrontUrl, cancellationToken).ConfigureAwait(false)),
            _ => throw new InvalidOperationException($"TopView serves storyboards and videos, not '{task.Kind}' (request {task.RequestId})."),
        };
    }

    /// <summary>Per-model overrides may be keyed by the name the command used, the code or the display name.</summary>
    private static string ModelKey(PollingOptions polling, string model, IReadOnlyList<string> aliases) =>
        aliases.Prepend(model ?? "").FirstOrDefault(polling.Models.ContainsKey) ?? model ?? "";
}
