using System.Globalization;
using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>One offending field of a rejected request, e.g. <c>scenes[1].characters[0].name</c>.</summary>
internal sealed record DepictaFieldError(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("message")] string Message);

/// <summary>
/// A rejected Depicta call: HTTP status plus <c>{ "error", "message", "details", "request_id" }</c> (docs/PROVIDERS.md §4.5).
/// <c>details</c> lists the offending fields of a 400; it is null otherwise.
/// </summary>
internal sealed record DepictaError(int Status, string Code, string Message, IReadOnlyList<DepictaFieldError>? Details = null)
{
    public const string BadRequest = "bad_request";
    public const string ContentRejected = "content_rejected";

    public static DepictaError Invalid(IReadOnlyList<DepictaFieldError> details) => new(
        StatusCodes.Status400BadRequest,
        BadRequest,
        details.Count == 1 ? details[0].Message : $"{details.Count} problems in the request, see details. First: {details[0].Message}",
        details);

    public static DepictaError Unauthorized() => new(
        StatusCodes.Status401Unauthorized, "auth_invalid", "Missing or invalid API key: send 'Authorization: Bearer dpct_…'.");

    public static DepictaError CreditInsufficient(string? message = null) => new(
        StatusCodes.Status402PaymentRequired, "credit_insufficient", message ?? "Insufficient credit: top up your balance (minimum EUR 0.01).");

    public static DepictaError Rejected(string? message) => new(
        StatusCodes.Status403Forbidden, ContentRejected, message ?? "The request was rejected by content classification.");

    public static DepictaError NotFound(string jobId) => new(StatusCodes.Status404NotFound, "not_found", $"Job '{jobId}' not found.");

    public static DepictaError ModelNotCapable(string model) => new(
        StatusCodes.Status422UnprocessableEntity,
        "model_not_capable",
        $"Model '{model}' does not support multi-turn generation; pick one with supports_multiturn in GET /v1/models.",
        [new DepictaFieldError("model", "Model does not support multi-turn generation.")]);

    public static DepictaError RateLimited() => new(
        StatusCodes.Status429TooManyRequests, "rate_limited", "Too many concurrent requests for this API key; retry after the Retry-After delay.");

    /// <summary>A scripted or injected rejection with any status, coded as Depicta codes it (docs/PROVIDERS.md §4.5; 409/451/502/503 assumed).</summary>
    public static DepictaError WithStatus(int status, string? message) => status switch
    {
        StatusCodes.Status401Unauthorized => Unauthorized() with { Message = message ?? Unauthorized().Message },
        StatusCodes.Status402PaymentRequired => CreditInsufficient(message),
        StatusCodes.Status403Forbidden => Rejected(message),
        StatusCodes.Status429TooManyRequests => RateLimited() with { Message = message ?? RateLimited().Message },
        _ => new(status, CodeOf(status), message ?? $"Request failed ({status.ToString(CultureInfo.InvariantCulture)})."),
    };

    /// <summary>The body, with <c>Retry-After</c> set on <paramref name="response"/> when given.</summary>
    public IResult ToResult(HttpResponse response, int? retryAfterSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return Results.Json(new Body(Code, Message, Details, $"req_{Guid.NewGuid():N}"), statusCode: Status);
    }

    private static string CodeOf(int status) => status switch
    {
        StatusCodes.Status404NotFound => "not_found",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status413PayloadTooLarge => "payload_too_large",
        StatusCodes.Status422UnprocessableEntity => "unprocessable_entity",
        StatusCodes.Status451UnavailableForLegalReasons => "content_unavailable_legal",
        StatusCodes.Status502BadGateway => "upstream_error",
        StatusCodes.Status503ServiceUnavailable => "service_unavailable",
        >= 500 => "internal_error",
        _ => BadRequest,
    };

    private sealed record Body(
        [property: JsonPropertyName("error")] string Error,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("details")] IReadOnlyList<DepictaFieldError>? Details,
        [property: JsonPropertyName("request_id")] string RequestId);
}
