using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.UniAll;

/// <summary>Reads UniAll tasks for the poll consumer.</summary>
public sealed class UniAllTaskReader(UniAllClient client, IOptionsMonitor<UniAllOptions> options) : IProviderTaskReader
{
    public string Provider => ProviderNames.UniAll;

    public PollSchedule Schedule(string kind, string model) => options.CurrentValue.Polling.For(model);

    public async Task<ProviderTaskState> GetTaskAsync(ProviderTaskRef task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        var key = options.CurrentValue.Accounts[task.Account];
        var state = await client.GetTaskAsync(task.TaskId, key, cancellationToken).ConfigureAwait(false);
        return UniAllStatus.ToState(state);
    }
}
