using System.Threading.RateLimiting;

namespace Workers.ProviderSimulator;

/// <summary>
/// At most <c>Limit</c> calls per account per sliding <c>Window</c>; excess calls are refused, not queued (a limit of 0
/// turns it off). Thread-safe; a reset starts every account's window afresh. Each provider derives its own, with its settings.
/// </summary>
internal abstract class AccountRateLimiter : IResettableState, IDisposable
{
    private const int SegmentsPerWindow = 10;
    private readonly Func<(int Limit, TimeSpan Window)> settings;
    private PartitionedRateLimiter<string>? limiter;

    protected AccountRateLimiter(Func<(int Limit, TimeSpan Window)> settings)
    {
        this.settings = settings;
        limiter = Create();
    }

    /// <summary>Null when the call may go ahead; otherwise the seconds after which the caller may retry.</summary>
    public int? Refuse(string account)
    {
        if (Volatile.Read(ref limiter) is not { } current)
        {
            return null;
        }

        using var lease = current.AttemptAcquire(account);
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
    }

    public void Reset() => Interlocked.Exchange(ref limiter, Create())?.Dispose();

    public void Dispose()
    {
        Interlocked.Exchange(ref limiter, null)?.Dispose();
        GC.SuppressFinalize(this);
    }

    private PartitionedRateLimiter<string>? Create()
    {
        var (limit, window) = settings();
        if (limit == 0)
        {
            return null;
        }

        return PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetSlidingWindowLimiter(
            account,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = window,
                SegmentsPerWindow = SegmentsPerWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }
}
