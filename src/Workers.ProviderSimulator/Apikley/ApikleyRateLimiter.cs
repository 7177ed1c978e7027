using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// [FACT kie, README §3.6] At most <see cref="ApikleyOptions.CreateTaskLimit"/> <c>createTask</c> calls per account per
/// sliding <see cref="ApikleyOptions.CreateTaskWindow"/>; excess calls are refused, not queued. Uploads and polls do not count.
/// </summary>
internal sealed class ApikleyRateLimiter : IResettableState, IDisposable
{
    private const int SegmentsPerWindow = 10;
    private readonly IOptions<SimulatorOptions> options;
    private PartitionedRateLimiter<string>? limiter;

    public ApikleyRateLimiter(IOptions<SimulatorOptions> options)
    {
        this.options = options;
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

    public void Dispose() => Interlocked.Exchange(ref limiter, null)?.Dispose();

    private PartitionedRateLimiter<string>? Create()
    {
        var settings = options.Value.Apikley;
        if (settings.CreateTaskLimit == 0)
        {
            return null;
        }

        return PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetSlidingWindowLimiter(
            account,
            _ => new SlidingWindowRateLimiterOptions
            {
                PermitLimit = settings.CreateTaskLimit,
                Window = settings.CreateTaskWindow,
                SegmentsPerWindow = SegmentsPerWindow,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }
}
