using System.Collections.Concurrent;

namespace Workers.ProviderSimulator.Ledger;

/// <summary>Per-provider counters of submissions, polls and downloads. Thread-safe and lock-free.</summary>
public sealed class CounterBook : IResettableState
{
    private readonly ConcurrentDictionary<string, Tally> tallies = new(StringComparer.OrdinalIgnoreCase);

    public void SubmissionAccepted(string provider) => Interlocked.Increment(ref TallyOf(provider).Accepted);

    public void SubmissionRejected(string provider, int httpStatus) =>
        TallyOf(provider).Rejected.AddOrUpdate(httpStatus, 1, static (_, count) => count + 1);

    public void Polled(string provider) => Interlocked.Increment(ref TallyOf(provider).Polls);

    public void Downloaded(string provider) => Interlocked.Increment(ref TallyOf(provider).Downloads);

    /// <summary>The counters of every served provider (zeros for those not used yet).</summary>
    public IReadOnlyDictionary<string, ProviderCounters> Snapshot() =>
        SimulatedProviders.All.ToDictionary(
            provider => provider,
            provider => TallyOf(provider).ToCounters());

    public void Reset() => tallies.Clear();

    private Tally TallyOf(string provider) => tallies.GetOrAdd(provider, static _ => new Tally());

    private sealed class Tally
    {
        // Fields, not properties: Interlocked needs a ref to them.
        public long Accepted;
        public long Polls;
        public long Downloads;

        public ConcurrentDictionary<int, long> Rejected { get; } = new();

        public ProviderCounters ToCounters() => new(
            Interlocked.Read(ref Accepted),
            new SortedDictionary<int, long>(Rejected),
            Interlocked.Read(ref Polls),
            Interlocked.Read(ref Downloads));
    }
}
