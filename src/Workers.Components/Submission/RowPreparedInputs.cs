using Workers.Persistence.Generations;
using Workers.Providers.Abstractions;

namespace Workers.Components.Submission;

/// <summary>The prepared inputs of one request, kept in its row's <c>prepared</c> column.</summary>
internal sealed class RowPreparedInputs(GenerationStore store, GenerationRecord row) : IPreparedInputs
{
    private readonly Dictionary<string, string> values = new(row.Prepared, StringComparer.Ordinal);

    public string? Find(string key) => values.GetValueOrDefault(key);

    public async Task SaveAsync(string key, string value, CancellationToken cancellationToken)
    {
        await store.SavePreparedAsync(row.RequestId, key, value, cancellationToken).ConfigureAwait(false);
        values[key] = value;
    }
}
