using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.TopView;

/// <summary>Why <see cref="TopViewAccounts.Admit"/> refused a task.</summary>
internal enum TopViewAdmission
{
    Admitted,
    CreditNotEnough,
    TooManyUnfinished,
}

/// <summary>
/// Per-uid credits and unfinished tasks. Each uid keeps the end times of its unfinished tasks in a min-heap:
/// an admission drops the ones that ended by now and counts the rest, so it costs O(log n) however many tasks
/// exist (no per-task timer, no scan of the task store). A hand-written heap rather than
/// System.Threading.RateLimiting's ConcurrencyLimiter: its leases would need a release at each task's end, i.e.
/// a timer per task, which the lazily computed task states exist to avoid. Thread-safe.
/// </summary>
internal sealed class TopViewAccounts(IOptions<SimulatorOptions> options) : IResettableState
{
    private readonly ConcurrentDictionary<string, Account> accounts = new(StringComparer.Ordinal);

    /// <summary>
    /// Admits a task of <paramref name="uid"/> ending at <paramref name="endsAt"/> (MaxValue: never) when the uid has
    /// fewer unfinished tasks than the limit and at least <paramref name="price"/> credits; then deducts
    /// <paramref name="charge"/> (0 for a task that will fail) and counts the task as unfinished.
    /// </summary>
    public TopViewAdmission Admit(string uid, DateTimeOffset now, DateTimeOffset endsAt, decimal price, decimal charge)
    {
        var settings = options.Value.TopView;
        var account = AccountOf(uid);
        lock (account)
        {
            while (account.Endings.TryPeek(out _, out var end) && end <= now)
            {
                account.Endings.Dequeue();
            }

            if (account.Endings.Count >= settings.MaxUnfinishedTasksPerUid)
            {
                return TopViewAdmission.TooManyUnfinished;
            }

            if (settings.StartingCreditsOf(uid) - account.Spent < price)
            {
                return TopViewAdmission.CreditNotEnough;
            }

            account.Spent += charge;
            account.Endings.Enqueue(0, endsAt);
            return TopViewAdmission.Admitted;
        }
    }

    /// <summary>Credits <paramref name="uid"/> has left.</summary>
    public decimal Remaining(string uid)
    {
        var account = AccountOf(uid);
        lock (account)
        {
            return options.Value.TopView.StartingCreditsOf(uid) - account.Spent;
        }
    }

    public void Reset() => accounts.Clear();

    private Account AccountOf(string uid) => accounts.GetOrAdd(uid, static _ => new Account());

    private sealed class Account
    {
        public PriorityQueue<byte, DateTimeOffset> Endings { get; } = new();

        public decimal Spent { get; set; }
    }
}
