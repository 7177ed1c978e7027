using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Apikley;

/// <summary>
/// Apikley's code table (seed 001: 200, 401, 402, 404, 422, 429, 455, 500, 501, 505) as failure kinds. The code usually
/// comes in the body on HTTP 200; rate limits also come as HTTP 429. Only a code in Apikley's own envelope proves a
/// refusal: a bare HTTP 5xx (a proxy, a crash mid-call) may hide an accepted task.
/// </summary>
public static class ApikleyErrors
{
    private const string Provider = ProviderNames.Apikley;

    /// <summary>
    /// The failure of <paramref name="operation"/> answered with HTTP <paramref name="status"/> and, when the body was
    /// an Apikley envelope, its <paramref name="bodyCode"/> and <paramref name="message"/>.
    /// </summary>
    public static ProviderCallException Classify(string operation, HttpStatusCode status, HttpResponseHeaders headers,
        int? bodyCode, string? message)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var http = (int)status;
        if (bodyCode is null && (http >= 500 || http < 400))
        {
            return new ProviderCallException(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
                $"apikley: {operation} answered HTTP {http} without an Apikley envelope; the task may exist",
                ProviderResponses.Digits(status));
        }

        var code = bodyCode ?? http;
        var retryAfter = ProviderResiliencePipeline.RetryAfter(headers);
        var (kind, errorCode, what) = code switch
        {
            401 => (ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "the account's API key was refused"),
            402 => (ProviderFailureKind.Rejected, GenerationErrorCodes.InsufficientCredits, "insufficient credits"),
            404 => (ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "not found"),
            422 => (ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "request rejected"),
            429 => (ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited, "rate limited"),
            455 => (ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable, "under maintenance"),
            // Apikley's own 500 envelope is an answer, not a broken call: it refused the task.
            500 => (ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable, "server error"),
            501 => (ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderFailed, "generation failed"),
            // Not in Apikley's table; an enveloped 503 means "not now" at every provider.
            503 => (ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable, "service unavailable"),
            505 => (ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "feature disabled"),
            // Undocumented 5xx (502, 504…) may come from a gateway in front of a task that was created.
            >= 500 => (ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome, "server error"),
            >= 400 => (ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "request rejected"),
            _ => (ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome, "unexpected answer"),
        };
        var detail = string.IsNullOrWhiteSpace(message) ? "" : ": " + message;
        return new ProviderCallException(kind, errorCode,
            $"{Provider}: {operation} {what} ({code.ToString(CultureInfo.InvariantCulture)}{detail})",
            code.ToString(CultureInfo.InvariantCulture), kind == ProviderFailureKind.Transient ? retryAfter : null);
    }
}
