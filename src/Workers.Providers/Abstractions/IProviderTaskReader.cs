namespace Workers.Providers.Abstractions;

/// <summary>Reads the state of accepted tasks; one per provider, whatever the kind.</summary>
public interface IProviderTaskReader
{
    string Provider { get; }

    /// <summary>How often and how long to poll a task of this kind and model.</summary>
    PollSchedule Schedule(string kind, string model);

    /// <summary>Throws <see cref="ProviderCallException"/> when the provider cannot be asked or has lost the task.</summary>
    Task<ProviderTaskState> GetTaskAsync(ProviderTaskRef task, CancellationToken cancellationToken);

    /// <summary>
    /// A fresh URL for a result item whose URL expired, or null when the provider cannot re-issue one. By default the task
    /// is read again, since most providers sign result links anew on every query.
    /// </summary>
    async Task<string?> RefreshResultUrlAsync(ProviderTaskRef task, int index, CancellationToken cancellationToken)
    {
        var state = await GetTaskAsync(task, cancellationToken).ConfigureAwait(false);
        return index < state.Items.Count ? state.Items[index].Url : null;
    }
}

/// <summary>An accepted task, as the fleet recorded it.</summary>
public sealed record ProviderTaskRef
{
    public required string RequestId { get; init; }

    /// <summary><see cref="Contracts.GenerationKinds"/>.</summary>
    public required string Kind { get; init; }

    public required string Model { get; init; }

    public required string Account { get; init; }

    public required string TaskId { get; init; }

    /// <summary><see cref="ProviderSubmission.Details"/> of the submission.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
