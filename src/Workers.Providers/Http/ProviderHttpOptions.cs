using System.ComponentModel.DataAnnotations;

namespace Workers.Providers.Http;

/// <summary>Timeouts, retries and the circuit breaker of one provider's HTTP client.</summary>
public sealed class ProviderHttpOptions
{
    /// <summary>Limit of one HTTP attempt.</summary>
    [Range(1, 600)]
    public int AttemptTimeoutSeconds { get; set; } = 30;

    /// <summary>Limit of one call, retries included.</summary>
    [Range(1, 1800)]
    public int TotalTimeoutSeconds { get; set; } = 90;

    /// <summary>Retries of idempotent calls (GET); a paid POST is retried only when it provably never left.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>Base delay of the jittered exponential backoff between retries.</summary>
    [Range(10, 60_000)]
    public int RetryBaseDelayMilliseconds { get; set; } = 500;

    /// <summary>A <c>Retry-After</c> longer than this is not waited for in-process: the message is rescheduled instead.</summary>
    [Range(0, 60)]
    public int MaxInProcessRetryAfterSeconds { get; set; } = 5;

    /// <summary>The circuit opens when this share of calls fails within <see cref="BreakerSamplingSeconds"/>.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    [Range(1, 3600)]
    public int BreakerSamplingSeconds { get; set; } = 30;

    [Range(2, 10_000)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    [Range(1, 3600)]
    public int BreakerBreakSeconds { get; set; } = 15;
}
