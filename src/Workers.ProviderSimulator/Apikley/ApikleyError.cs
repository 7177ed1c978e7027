using System.Globalization;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// A refused Apikley call: <c>{ "code", "msg", "data": null }</c>. [OBSERVED, docs/PROVIDERS.md §3.4] The code is in the body
/// and HTTP is 200; only scripted or injected HTTP statuses (and, when configured, rate limiting) change the HTTP status.
/// </summary>
internal sealed record ApikleyError(int Code, string Msg, int HttpStatus = StatusCodes.Status200OK, int? RetryAfterSeconds = null)
{
    /// <summary>The HTTP status this refusal is counted under.</summary>
    public int CountedStatus => HttpStatus != StatusCodes.Status200OK ? HttpStatus : ApikleyCodes.HttpStatusFor(Code);

    /// <summary>[OBSERVED] The auth failure body.</summary>
    public static ApikleyError Unauthorized() => new(ApikleyCodes.Unauthorized, "You do not have access permissions");

    public static ApikleyError Validation(string msg) => new(ApikleyCodes.Validation, msg);

    public static ApikleyError InsufficientCredits(string? msg = null) =>
        new(ApikleyCodes.InsufficientCredits, msg ?? "Credits insufficient: your account balance is not enough for this task.");

    public static ApikleyError Maintenance() =>
        new(ApikleyCodes.Maintenance, "The system is currently undergoing maintenance, please try again later.");

    public static ApikleyError FeatureDisabled() =>
        new(ApikleyCodes.FeatureDisabled, "The requested feature is currently disabled.");

    public static ApikleyError RateLimited(bool asHttp429, int retryAfterSeconds) => new(
        ApikleyCodes.RateLimited,
        "Request limit exceeded: too many requests, please slow down.",
        asHttp429 ? StatusCodes.Status429TooManyRequests : StatusCodes.Status200OK,
        retryAfterSeconds);

    public static ApikleyError TooManyRunning(int limit) => new(
        ApikleyCodes.RateLimited,
        string.Create(CultureInfo.InvariantCulture, $"Too many running tasks: at most {limit} at once per account."));

    /// <summary>[OBSERVED] What recordInfo answers for an unknown task.</summary>
    public static ApikleyError RecordNotFound() => new(ApikleyCodes.Validation, "recordInfo is null");

    /// <summary>A scripted or injected HTTP status, answered with the same number as body code.</summary>
    public static ApikleyError Http(int status, string? msg, int? retryAfterSeconds) => new(
        status,
        msg ?? status switch
        {
            StatusCodes.Status429TooManyRequests => "Request limit exceeded: too many requests, please slow down.",
            StatusCodes.Status402PaymentRequired => "Credits insufficient: your account balance is not enough for this task.",
            ApikleyCodes.GenerationFailed => "Generation failed.",
            >= 500 => "Server error: an unexpected error occurred while processing the request.",
            _ => "Request rejected.",
        },
        status,
        retryAfterSeconds);

    public IResult ToResult() => new Answer(this);

    private sealed class Answer(ApikleyError error) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            if (error.RetryAfterSeconds is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            return Results.Json(new ApikleyEnvelope<object>(error.Code, error.Msg, null), statusCode: error.HttpStatus)
                .ExecuteAsync(httpContext);
        }
    }
}
