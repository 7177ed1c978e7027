using System.Globalization;
using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>
/// A rejected UniAll request. [ASSUMPTION, docs/PROVIDERS.md §5.4] UniAll is a new-api style gateway, so rejections use the
/// OpenAI error body <c>{ "error": { "message", "type", "param", "code" } }</c>.
/// </summary>
internal sealed record UniAllError(int Status, string Type, string? Code, string Message, string? Param = null)
{
    public const string InvalidRequest = "invalid_request_error";

    public static UniAllError Missing(string param) =>
        new(StatusCodes.Status400BadRequest, InvalidRequest, "missing_required_parameter", $"Missing required parameter: '{param}'.", param);

    public static UniAllError Invalid(string param, string message) =>
        new(StatusCodes.Status400BadRequest, InvalidRequest, "invalid_value", message, param);

    public static UniAllError Unsupported(string param, string message) =>
        new(StatusCodes.Status400BadRequest, InvalidRequest, "unsupported_parameter", message, param);

    public static UniAllError InvalidJson(string detail) =>
        new(StatusCodes.Status400BadRequest, InvalidRequest, "invalid_json", $"Could not parse the JSON body of the request: {detail}");

    public static UniAllError Unauthorized() =>
        new(StatusCodes.Status401Unauthorized, InvalidRequest, "invalid_api_key", "Invalid or missing API key: send 'Authorization: Bearer sk-…'.");

    public static UniAllError InsufficientQuota(string? message) =>
        new(StatusCodes.Status402PaymentRequired, "insufficient_quota", "insufficient_user_quota", message ?? "Insufficient quota: top up the account balance.");

    /// <summary>The answer above <see cref="UniAllOptions.RequestsPerMinute"/>.</summary>
    public static UniAllError RateLimited(int requestsPerMinute) =>
        Rejected(StatusCodes.Status429TooManyRequests, $"Rate limit reached: {requestsPerMinute.ToString(CultureInfo.InvariantCulture)} requests per minute per key.");

    /// <summary>A scripted rejection with any status; 429 gets the rate-limit type and code.</summary>
    public static UniAllError Rejected(int status, string? message) => status switch
    {
        StatusCodes.Status429TooManyRequests =>
            new(status, "rate_limit_error", "rate_limit_exceeded", message ?? "Rate limit reached, retry later."),
        StatusCodes.Status402PaymentRequired => InsufficientQuota(message),
        >= 500 => new(status, "upstream_error", "upstream_error", message ?? $"Upstream service error ({status.ToString(CultureInfo.InvariantCulture)})."),
        _ => new(status, InvalidRequest, null, message ?? "Request rejected."),
    };

    public IResult ToResult(int? retryAfterSeconds = null)
    {
        var json = Results.Json(new Body(new Detail(Message, Type, Param, Code)), statusCode: Status);
        return retryAfterSeconds is { } seconds ? new RetryAfterResult(json, seconds) : json;
    }

    private sealed record Body([property: JsonPropertyName("error")] Detail Error);

    private sealed record Detail(
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("param")] string? Param,
        [property: JsonPropertyName("code")] string? Code);

    private sealed class RetryAfterResult(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
