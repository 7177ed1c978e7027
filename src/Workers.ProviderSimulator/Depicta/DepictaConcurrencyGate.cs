using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>
/// Depicta's documented limit: at most <see cref="DepictaOptions.MaxConcurrentRequests"/> requests in flight per key,
/// the next one refused at once (no queue) with 429 <c>rate_limited</c>.
/// </summary>
internal sealed class DepictaConcurrencyGate : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;

    public DepictaConcurrencyGate(IOptions<SimulatorOptions> options)
    {
        var permits = options.Value.Depicta.MaxConcurrentRequests;
        limiter = PartitionedRateLimiter.Create<string, string>(account => RateLimitPartition.GetConcurrencyLimiter(
            account,
            _ => new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0 }));
    }

    /// <summary>A permit for one request of <paramref name="account"/>; dispose it when the request is done. Check <c>IsAcquired</c>.</summary>
    public RateLimitLease Enter(string account) => limiter.AttemptAcquire(account);

    public void Dispose() => limiter.Dispose();
}
