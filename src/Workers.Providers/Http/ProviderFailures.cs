using System.Net;
using System.Net.Http.Headers;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Http;

/// <summary>Turns transport failures and generic HTTP statuses into <see cref="ProviderCallException"/>s.</summary>
public static class ProviderFailures
{
    /// <summary>
    /// A call that threw before any answer. Whether a submission may have been accepted depends on how far it got:
    /// a refused connection or an open circuit never sent anything; a timeout or a dropped connection might have.
    /// </summary>
    public static ProviderCallException FromTransport(string provider, Exception exception)
    {
        return exception switch
        {
            BrokenCircuitException => new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable,
                $"{provider}: circuit open after repeated failures; nothing was sent", innerException: exception),
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } =>
                new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable,
                    $"{provider}: could not connect ({exception.Message})", innerException: exception),
            TimeoutRejectedException or TaskCanceledException => new ProviderCallException(ProviderFailureKind.OutcomeUnknown,
                GenerationErrorCodes.UnknownOutcome, $"{provider}: no answer in time", innerException: exception),
            _ => new ProviderCallException(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
                $"{provider}: the call broke off ({exception.Message})", innerException: exception),
        };
    }

    /// <summary>Whether an exception is one <see cref="FromTransport"/> knows how to classify.</summary>
    public static bool IsTransport(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
        || (exception is TaskCanceledException && exception.InnerException is TimeoutException);

    /// <summary>Statuses whose meaning is the same at every provider: rate limits and unavailability.</summary>
    public static ProviderCallException? FromStatus(string provider, HttpStatusCode statusCode, HttpResponseHeaders headers, string? detail)
    {
        var status = (int)statusCode;
        var retryAfter = ProviderResiliencePipeline.RetryAfter(headers);
        return statusCode switch
        {
            HttpStatusCode.TooManyRequests => new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited,
                $"{provider}: rate limited{Detail(detail)}", status.ToString(System.Globalization.CultureInfo.InvariantCulture), retryAfter),
            HttpStatusCode.ServiceUnavailable => new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable,
                $"{provider}: service unavailable{Detail(detail)}", "503", retryAfter),
            _ when status >= 500 => new ProviderCallException(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
                $"{provider}: server error {status}{Detail(detail)}", status.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => null,
        };
    }

    private static string Detail(string? detail) => string.IsNullOrWhiteSpace(detail) ? "" : $": {detail}";
}
