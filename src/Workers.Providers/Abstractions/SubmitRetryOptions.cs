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

    /// <summary>The delay before retry number <paramref name="retry"/> (1-based), honouring the provider's wish.</summary>
    public TimeSpan DelayBeforeRetry(int retry, TimeSpan? retryAfter) =>
        retryAfter is { } wanted && wanted > TimeSpan.Zero
            ? wanted
            : TimeSpan.FromSeconds(DelaySeconds * Math.Pow(2, Math.Max(0, retry - 1)));
}
