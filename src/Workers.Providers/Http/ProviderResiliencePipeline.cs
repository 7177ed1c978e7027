using System.Net;
using System.Net.Http.Headers;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace Workers.Providers.Http;

/// <summary>Builds the one resilience pipeline a provider client runs every request through.</summary>
public static class ProviderResiliencePipeline
{
    /// <summary>Set on each request's context: only idempotent requests are retried after they may have arrived.</summary>
    public static readonly ResiliencePropertyKey<bool> IsIdempotent = new("workers.is-idempotent");

    public static ResiliencePipeline<HttpResponseMessage> Create(ProviderHttpOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = timeProvider }
            .AddTimeout(TimeSpan.FromSeconds(options.TotalTimeoutSeconds))
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(options.RetryBaseDelayMilliseconds),
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context, args.AttemptNumber, options)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = options.BreakerFailureRatio,
                SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                MinimumThroughput = options.BreakerMinimumThroughput,
                BreakDuration = TimeSpan.FromSeconds(options.BreakerBreakSeconds),
                ShouldHandle = args => ValueTask.FromResult(IsProviderFault(args.Outcome)),
            })
            .AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds))
            .Build();
    }

    private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, int attempt,
        ProviderHttpOptions options)
    {
        // A refused address is refused again on every attempt.
        if (attempt >= options.MaxRetries || DownloadRefusedException.Find(outcome.Exception) is not null)
        {
            return false;
        }

        // A connection that was never made carried nothing: safe to retry even a paid POST.
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
        {
            return true;
        }

        if (!context.Properties.GetValue(IsIdempotent, false))
        {
            return false;
        }

        if (outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return true;
        }

        var response = outcome.Result;
        if (response is null)
        {
            return false;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = RetryAfter(response);
            return wait is null || wait <= TimeSpan.FromSeconds(options.MaxInProcessRetryAfterSeconds);
        }

        return (int)response.StatusCode >= 500;
    }

    private static bool IsProviderFault(Outcome<HttpResponseMessage> outcome) =>
        (outcome.Exception is HttpRequestException or TimeoutRejectedException && DownloadRefusedException.Find(outcome.Exception) is null)
        || outcome.Result is { StatusCode: >= HttpStatusCode.InternalServerError };

    /// <summary>The provider's <c>Retry-After</c>, as a delta or a date; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response) => response is null ? null : RetryAfter(response.Headers);

    /// <summary>The <c>Retry-After</c> of response headers, as a delta or a date; null when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var header = headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date && headers.Date is { } now)
        {
            return date - now;
        }

        return null;
    }
}
