using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Depicta;

/// <summary>
/// Reads Depicta story jobs for the poll consumer, at their <c>poll_url</c> when it is on Depicta's own origin. Result links
/// are signed anew on every poll, so the default <see cref="IProviderTaskReader.RefreshResultUrlAsync"/> (read again) fits.
/// </summary>
public sealed class DepictaTaskReader(DepictaClient client, IOptionsMonitor<DepictaOptions> options) : IProviderTaskReader
{
    public string Provider => ProviderNames.Depicta;

    public PollSchedule Schedule(string kind, string model) => options.CurrentValue.Polling.For(model);

    public async Task<ProviderTaskState> GetTaskAsync(ProviderTaskRef task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var settings = options.CurrentValue;
        var path = DepictaPollUrl.RelativePath(task.Details, settings.BaseUrl);
        var job = await client.GetJobAsync(task.TaskId, path, settings.KeyFor(task.Account), cancellationToken).ConfigureAwait(false);
        return DepictaStatus.ToState(job, settings.ImageFormat);
    }
}
