using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Apikley;

/// <summary>Reads Apikley tasks for the poll consumer, and re-issues expired result links.</summary>
public sealed class ApikleyTaskReader(ApikleyClient client, IOptionsMonitor<ApikleyOptions> options) : IProviderTaskReader
{
    public string Provider => ProviderNames.Apikley;

    public PollSchedule Schedule(string kind, string model) => options.CurrentValue.Polling.For(model);

    public async Task<ProviderTaskState> GetTaskAsync(ProviderTaskRef task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var record = await client.GetRecordAsync(task.TaskId, ApiKey(task), cancellationToken).ConfigureAwait(false);
        return ApikleyStatus.ToState(record);
    }

    /// <summary>
    /// Reads the task for the item's current URL and asks <c>download-url</c> for a fresh 20-minute link to it. When
    /// Apikley will not sign that URL, the one just read is returned: it came from a new query.
    /// </summary>
    public async Task<string?> RefreshResultUrlAsync(ProviderTaskRef task, int index, CancellationToken cancellationToken)
    {
        var state = await GetTaskAsync(task, cancellationToken).ConfigureAwait(false);
        if (index < 0 || index >= state.Items.Count || state.Items[index].Url is not { } current)
        {
            return null;
        }

        try
        {
            return await client.GetDownloadUrlAsync(current, ApiKey(task), cancellationToken).ConfigureAwait(false);
        }
        catch (ProviderCallException ex) when (ex.Kind == ProviderFailureKind.Rejected)
        {
            return current;
        }
    }

    private string ApiKey(ProviderTaskRef task) => options.CurrentValue.Accounts[task.Account].ApiKey;
}
