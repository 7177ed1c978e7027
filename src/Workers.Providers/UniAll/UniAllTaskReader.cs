using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.UniAll;

/// <summary>Reads UniAll tasks for the poll consumer.</summary>
public sealed class UniAllTaskReader(UniAllClient client, IOptionsMonitor<UniAllOptions> options) : IProviderTaskReader
{
    public string Provider => ProviderNames.UniAll;

    public PollingOptions Polling => options.CurrentValue.Polling;

    public async Task<ProviderTaskState> GetTaskAsync(string account, string taskId, CancellationToken cancellationToken)
    {
        var key = options.CurrentValue.Accounts[account];
        var task = await client.GetTaskAsync(taskId, key, cancellationToken).ConfigureAwait(false);
        return UniAllStatus.ToState(task);
    }
}
