namespace Workers.Persistence.Generations;

/// <summary>A held submission lease; disposing releases it (if it is still this holder's).</summary>
public sealed class SubmissionLease : IAsyncDisposable
{
    private readonly GenerationStore store;
    private readonly string requestId;

    internal SubmissionLease(GenerationStore store, string requestId, string owner)
    {
        this.store = store;
        this.requestId = requestId;
        Owner = owner;
    }

    /// <summary>This holder's id, written to the row.</summary>
    public string Owner { get; }

    public async ValueTask DisposeAsync() => await store.ReleaseLeaseAsync(requestId, Owner).ConfigureAwait(false);
}
