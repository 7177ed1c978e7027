using System.Collections.Concurrent;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>Depicta's jobs by id, and each key's most recent ones for <c>GET /v1/jobs</c>. Thread-safe.</summary>
internal sealed class DepictaJobStore : IResettableState
{
    /// <summary>How many recent jobs per key <c>GET /v1/jobs</c> can list.</summary>
    public const int RecentPerAccount = 100;

    private readonly ConcurrentDictionary<string, DepictaJob> jobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DepictaJob>> recent = new(StringComparer.Ordinal);

    public void Add(DepictaJob job)
    {
        jobs[job.Id] = job;
        var queue = recent.GetOrAdd(job.Account, static _ => new ConcurrentQueue<DepictaJob>());
        queue.Enqueue(job);
        while (queue.Count > RecentPerAccount && queue.TryDequeue(out _))
        {
            // Bounded: only the newest jobs of a key are listed; older ones stay pollable by id.
        }
    }

    public DepictaJob? Find(string id) => jobs.GetValueOrDefault(id);

    /// <summary>The newest <paramref name="limit"/> jobs of <paramref name="account"/>, newest first.</summary>
    public IReadOnlyList<DepictaJob> Recent(string account, int limit) =>
        recent.TryGetValue(account, out var queue)
            ? queue.Reverse().Take(limit).ToList()
            : [];

    public void Reset()
    {
        jobs.Clear();
        recent.Clear();
    }
}
