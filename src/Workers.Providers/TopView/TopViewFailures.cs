using System.Net;
using System.Net.Http.Headers;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.TopView;

/// <summary>
/// TopView's error table (https://docs.topview.ai/reference/error-response): what each envelope code, or an HTTP status
/// without an envelope, means for a paid submission, a free read, and an upload step. TopView's own code is kept as
/// <see cref="ProviderCallException.ProviderCode"/>, and any <c>Retry-After</c> travels along.
/// </summary>
public static class TopViewFailures
{
    private const string Provider = ProviderNames.TopView;

    /// <summary>
    /// A submission that did not answer <c>"200"</c> with a task id. Transient only where the envelope says TopView
    /// refused for now (4007 a task still running, 5003 busy); an envelope error code is an explicit refusal, so it is
    /// final; HTTP 5xx without an envelope may have created the task.
    /// </summary>
    public static ProviderCallException Submit(HttpStatusCode status, HttpResponseHeaders headers, string? code, string? message)
    {
        var retryAfter = ProviderResiliencePipeline.RetryAfter(headers);
        var detail = Detail(status, code, message);
        if (code is null)
        {
            return (int)status switch
            {
                429 => new(ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited, $"topview: rate limited ({detail})",
                    ProviderResponses.Digits(status), retryAfter),
                >= 500 => new(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
                    $"topview: server error without TopView's envelope; the task may exist ({detail})", ProviderResponses.Digits(status)),
                >= 200 and < 300 => new(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
                    $"topview: the submit answer could not be read; the task may exist ({detail})", ProviderResponses.Digits(status)),
                400 or 413 or 422 => new(ProviderFailureKind.Rejected, GenerationErrorCodes.Validation,
                    $"topview: request rejected ({detail})", ProviderResponses.Digits(status)),
                _ => new(ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable,
                    $"topview: request refused ({detail})", ProviderResponses.Digits(status)),
            };
        }

        var (kind, errorCode, what) = code switch
        {
            "4000" or "4001" or "4002" or "4003" or "4004" or "4005" or "4006"
                => (ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "request rejected"),
            "4007" => (ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited, "an unfinished task of this account must end first"),
            "4100" => (ProviderFailureKind.Rejected, GenerationErrorCodes.InsufficientCredits, "credit not enough"),
            "5003" => (ProviderFailureKind.Transient,
                status == HttpStatusCode.TooManyRequests ? GenerationErrorCodes.RateLimited : GenerationErrorCodes.ProviderUnavailable,
                "server busy, retry later"),
            "5000" or "5001" or "5004" or "5005" => (ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "server error"),
            "6001" => (ProviderFailureKind.Rejected, GenerationErrorCodes.ContentPolicy, "security problem detected"),
            "401" => (ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "the account's uid or API key was refused"),
            // Codes the table does not list: still an explicit refusal in TopView's own envelope, so nothing was created.
            _ when code.StartsWith('4') => (ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "request rejected"),
            _ => (ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "request refused"),
        };
        return new ProviderCallException(kind, errorCode, $"topview: {what} ({detail})", code, retryAfter);
    }

    /// <summary>
    /// A task query that gave no task: 4004 is a task TopView does not know; anything else is retried by polling
    /// until the deadline, since the task is paid for and may still run.
    /// </summary>
    public static ProviderCallException Query(string taskId, HttpStatusCode status, HttpResponseHeaders headers, string? code, string? message)
    {
        var detail = Detail(status, code, message);
        if (code == "4004")
        {
            return new ProviderCallException(ProviderFailureKind.NotFound, GenerationErrorCodes.ProviderFailed,
                $"topview: task {taskId} does not exist ({detail})", code);
        }

        var limited = status == HttpStatusCode.TooManyRequests || code == "4007";
        return new ProviderCallException(ProviderFailureKind.Transient,
            limited ? GenerationErrorCodes.RateLimited : GenerationErrorCodes.ProviderUnavailable,
            $"topview: query of {taskId} failed ({detail})", code ?? ProviderResponses.Digits(status),
            ProviderResiliencePipeline.RetryAfter(headers));
    }

    /// <summary>
    /// An upload step (credential or check) that failed. Nothing here is paid, so whatever is not a refusal of the
    /// request itself is tried again later.
    /// </summary>
    public static ProviderCallException Upload(string step, HttpStatusCode status, HttpResponseHeaders headers, string? code, string? message)
    {
        var detail = Detail(status, code, message);
        var (kind, errorCode) = code switch
        {
            "4000" or "4001" or "4003" => (ProviderFailureKind.Rejected, GenerationErrorCodes.Validation),
            "401" => (ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable),
            _ => (ProviderFailureKind.Transient,
                status == HttpStatusCode.TooManyRequests || code == "4007" ? GenerationErrorCodes.RateLimited : GenerationErrorCodes.ProviderUnavailable),
        };
        return new ProviderCallException(kind, errorCode, $"topview: upload {step} failed ({detail})",
            code ?? ProviderResponses.Digits(status), ProviderResiliencePipeline.RetryAfter(headers));
    }

    private static string Detail(HttpStatusCode status, string? code, string? message)
    {
        var text = $"HTTP {(int)status}";
        if (code is not null)
        {
            text += $", code {code}";
        }

        return string.IsNullOrWhiteSpace(message) ? text : $"{text}: {message}";
    }
}
