using System.Collections.Concurrent;

namespace Workers.ProviderSimulator.Ledger;

/// <summary>Per-provider counters of submissions, polls, downloads, credits, callbacks and faults. Thread-safe.</summary>
public sealed class CounterBook : IResettableState
{
    private readonly ConcurrentDictionary<string, Tally> tallies = new(StringComparer.OrdinalIgnoreCase);

    public void SubmissionAccepted(string provider, string account)
    {
        var tally = TallyOf(provider);
        Interlocked.Increment(ref tally.Accepted);
        tally.ByAccount.AddOrUpdate(account, 1, static (_, count) => count + 1);
    }

    public void SubmissionRejected(string provider, int httpStatus) =>
        TallyOf(provider).Rejected.AddOrUpdate(httpStatus, 1, static (_, count) => count + 1);

    public void Polled(string provider) => Interlocked.Increment(ref TallyOf(provider).Polls);

    public void Downloaded(string provider) => Interlocked.Increment(ref TallyOf(provider).Downloads);

    /// <summary>Adds what one task cost, in the provider's unit.</summary>
    public void CreditsCharged(string provider, decimal amount)
    {
        var tally = TallyOf(provider);
        lock (tally)
        {
            tally.Credits += amount;
        }
    }

    public void CallbackSent(string provider) => Interlocked.Increment(ref TallyOf(provider).CallbacksSent);

    public void CallbackAcknowledged(string provider) => Interlocked.Increment(ref TallyOf(provider).CallbacksAcknowledged);

    public void CallbackAbandoned(string provider) => Interlocked.Increment(ref TallyOf(provider).CallbacksAbandoned);

    public void FaultInjected(string provider) => Interlocked.Increment(ref TallyOf(provider).Faults);

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
        public long CallbacksSent;
        public long CallbacksAcknowledged;
        public long CallbacksAbandoned;
        public long Faults;
        public decimal Credits;

        public ConcurrentDictionary<int, long> Rejected { get; } = new();

        public ConcurrentDictionary<string, long> ByAccount { get; } = new(StringComparer.Ordinal);

        public ProviderCounters ToCounters()
        {
            decimal credits;
            lock (this)
            {
                credits = Credits;
            }

            return new(
                Interlocked.Read(ref Accepted),
                new SortedDictionary<int, long>(Rejected),
                Interlocked.Read(ref Polls),
                Interlocked.Read(ref Downloads),
                new SortedDictionary<string, long>(ByAccount, StringComparer.Ordinal),
                credits,
                Interlocked.Read(ref CallbacksSent),
                Interlocked.Read(ref CallbacksAcknowledged),
                Interlocked.Read(ref CallbacksAbandoned),
                Interlocked.Read(ref Faults));
        }
    }
}
