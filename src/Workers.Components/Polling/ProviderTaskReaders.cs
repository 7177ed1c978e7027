using Workers.Persistence.Generations;
using Workers.Providers.Abstractions;

namespace Workers.Components.Polling;

/// <summary>The task readers of the providers this process serves, by provider name.</summary>
public sealed class ProviderTaskReaders(IEnumerable<IProviderTaskReader> readers)
{
    private readonly Dictionary<string, IProviderTaskReader> byProvider = readers.ToDictionary(r => r.Provider, StringComparer.Ordinal);

    public IProviderTaskReader For(string provider) =>
        byProvider.TryGetValue(provider, out var reader)
            ? reader
            : throw new InvalidOperationException($"No task reader for provider '{provider}' is registered in this process.");

    /// <summary>The task of a submitted row, as its reader wants it.</summary>
    public static ProviderTaskRef TaskOf(GenerationRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new ProviderTaskRef
        {
            RequestId = row.RequestId,
            Kind = row.Kind,
            Model = row.Model,
            Account = row.Account,
            TaskId = row.ProviderTaskId ?? throw new InvalidOperationException($"Request {row.RequestId} has no provider task yet."),
            Details = row.Submission,
        };
    }
}
