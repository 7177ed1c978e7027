using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Depicta;

/// <summary>
/// Depicta's error table (https://depicta.ai/docs/reference/error-codes/): HTTP status and body <c>error</c> → whether the
/// job may exist, and the fleet's typed code. Depicta's own code is kept as the provider code.
/// </summary>
public static class DepictaErrors
{
    public const string ContentRejected = "content_rejected";

    private const int MaxDetails = 20;
    private const int MaxDetailText = 2000;

    /// <summary>
    /// A refused submission. Only a 429 or 503 in Depicta's own envelope is provably not accepted (Transient); a 500 or 502
    /// may have created the job (Depicta lists jobs, so the fleet reconciles); every other 4xx refuses the request for good.
    /// </summary>
    public static ProviderCallException FromSubmit(HttpStatusCode status, HttpResponseHeaders headers, DepictaErrorBody? body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var code = body?.Error is { Length: > 0 } error ? error : null;
        var providerCode = code ?? ProviderResponses.Digits(status);
        var retryAfter = ProviderResiliencePipeline.RetryAfter(headers);
        var (kind, errorCode, what) = (int)status switch
        {
            400 => (ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "request rejected"),
            401 => (ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "the account's API key was refused"),
            402 => (ProviderFailureKind.Rejected, GenerationErrorCodes.InsufficientCredits, "insufficient credits"),
            403 when code == ContentRejected => (ProviderFailureKind.Rejected, GenerationErrorCodes.ContentPolicy, "content rejected"),
            // auth_email_not_verified, account_suspended: the account cannot submit until someone fixes it.
            403 => (ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "the account may not submit"),
            404 or 409 or 413 or 422 => (ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "request rejected"),
            429 when code is not null => (ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited,
                "rate limited (at most 10 concurrent requests per key)"),
            451 => (ProviderFailureKind.Rejected, GenerationErrorCodes.ContentPolicy, "unavailable for legal reasons"),
            503 when code is not null => (ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable, "service unavailable"),
            // A 4xx refuses the request, whoever answered it.
            >= 400 and < 500 and not 429 => (ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "request rejected"),
            // 500 internal_error, 502 upstream_error, any 5xx (or 429/503) without Depicta's envelope: the job may exist.
            _ => (ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome, "the job may or may not have been created"),
        };
        return new ProviderCallException(kind, errorCode, $"depicta: {what} ({Describe(status, body)})", providerCode,
            kind == ProviderFailureKind.Transient ? retryAfter : null);
    }

    /// <summary>A failed read (a poll or the job list): the job is paid for, so every failure but a lost job is asked again later.</summary>
    public static ProviderCallException FromRead(HttpStatusCode status, HttpResponseHeaders headers, DepictaErrorBody? body, string what, bool notFoundIsLost)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var providerCode = body?.Error is { Length: > 0 } error ? error : ProviderResponses.Digits(status);
        var retryAfter = ProviderResiliencePipeline.RetryAfter(headers);
        return (int)status switch
        {
            404 when notFoundIsLost => new ProviderCallException(ProviderFailureKind.NotFound, GenerationErrorCodes.ProviderFailed,
                $"depicta: {what} does not exist ({Describe(status, body)})", providerCode),
            429 => new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited,
                $"depicta: {what}: rate limited ({Describe(status, body)})", providerCode, retryAfter),
            _ => new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable,
                $"depicta: {what} could not be read ({Describe(status, body)})", providerCode, retryAfter),
        };
    }

    /// <summary>"400 bad_request: message; details: field: message; …" as far as the body tells.</summary>
    public static string Describe(HttpStatusCode status, DepictaErrorBody? body)
    {
        var text = new StringBuilder(ProviderResponses.Digits(status));
        if (body?.Error is { Length: > 0 } error)
        {
            text.Append(' ').Append(error);
        }

        if (body?.Message is { Length: > 0 } message)
        {
            text.Append(": ").Append(message);
        }

        var details = DetailLines(body?.Details);
        if (details.Count > 0)
        {
            text.Append("; details: ").AppendJoin("; ", details);
        }

        if (body?.RequestId is { Length: > 0 } requestId)
        {
            text.Append(" [request ").Append(requestId).Append(']');
        }

        return text.Length <= MaxDetailText ? text.ToString() : string.Concat(text.ToString(0, MaxDetailText), "…");
    }

    /// <summary>The <c>details</c> as <c>field: message</c> lines (a 400 lists every offending field), else their JSON.</summary>
    public static IReadOnlyList<string> DetailLines(JsonElement? details)
    {
        switch (details)
        {
            case { ValueKind: JsonValueKind.Array } list:
                var lines = list.EnumerateArray().Take(MaxDetails).Select(Line).ToList();
                var more = list.GetArrayLength() - MaxDetails;
                if (more > 0)
                {
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{more} more"));
                }

                return lines;
            case { ValueKind: JsonValueKind.Object or JsonValueKind.String } one:
                return [Line(one)];
            default:
                return [];
        }
    }

    private static string Line(JsonElement item)
    {
        if (item.ValueKind == JsonValueKind.String)
        {
            return item.GetString() ?? "";
        }

        if (item.ValueKind == JsonValueKind.Object
            && item.TryGetProperty("field", out var field) && item.TryGetProperty("message", out var message))
        {
            return $"{field}: {message}";
        }

        return item.GetRawText();
    }
}
