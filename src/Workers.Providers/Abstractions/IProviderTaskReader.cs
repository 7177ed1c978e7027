namespace Workers.Providers.Abstractions;

/// <summary>Reads the state of an accepted task; one per provider, whatever the kind.</summary>
public interface IProviderTaskReader
{
    string Provider { get; }

    /// <summary>How often and how long to poll this provider's tasks.</summary>
    PollingOptions Polling { get; }

    /// <summary>Throws <see cref="ProviderCallException"/> when the provider cannot be asked or has lost the task.</summary>
    Task<ProviderTaskState> GetTaskAsync(string account, string taskId, CancellationToken cancellationToken);
}
