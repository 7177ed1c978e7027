using System.ComponentModel.DataAnnotations;

namespace Workers.Providers.Abstractions;

/// <summary>Retries of submissions the provider provably did not accept (429, 503, no connection).</summary>
public sealed class SubmitRetryOptions
{
    /// <summary>After this many retries the request fails with the last refusal's code.</summary>
    [Range(0, 100)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>Delay before a retry when the provider gives no <c>Retry-After</c>; doubled at each retry.</summary>
    [Range(1, 3600)]
    public int DelaySeconds { get; set; } = 5;

    /// <summary>Each delay is lengthened by up to this share, so requests refused together do not come back together.</summary>
    [Range(0.0, 1.0)]
    public double JitterFraction { get; set; } = 0.2;

    /// <summary>
    /// The delay before retry number <paramref name="retry"/> (1-based), never shorter than the provider's
    /// <c>Retry-After</c>, spread by <paramref name="random"/> ∈ [0, 1).
    /// </summary>
    public TimeSpan DelayBeforeRetry(int retry, TimeSpan? retryAfter, double random)
    {
        var wanted = retryAfter is { } asked && asked > TimeSpan.Zero
            ? asked
            : TimeSpan.FromSeconds(DelaySeconds * Math.Pow(2, Math.Max(0, retry - 1)));
        return wanted * (1 + (JitterFraction * random));
    }
}
