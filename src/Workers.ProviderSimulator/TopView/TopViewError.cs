using System.Globalization;

namespace Workers.ProviderSimulator.TopView;

/// <summary>A rejected TopView call: a business <see cref="Code"/> and its message, with <c>result: null</c>.</summary>
internal sealed record TopViewError(string Code, string Message)
{
    /// <summary>The HTTP status this rejection is counted under.</summary>
    public int StandsFor => TopViewCodes.StandsFor(Code);

    public static TopViewError Unauthorized() =>
        new(TopViewCodes.Unauthorized, "Unauthorized, please log in again: send 'Topview-Uid' and 'Authorization: Bearer <apiKey>'.");

    public static TopViewError Invalid(string message) => new(TopViewCodes.ParameterError, message);

    public static TopViewError Format(string message) => new(TopViewCodes.FormatMismatch, message);

    public static TopViewError Missing(string field) => new(TopViewCodes.RequiredParameterNull, $"{field} is required.");

    public static TopViewError NotFound(string message) => new(TopViewCodes.NotFound, message);

    public static TopViewError CreditNotEnough(string? message = null) =>
        new(TopViewCodes.CreditNotEnough, message ?? "Credit not enough.");

    public static TopViewError UnfinishedTask(int limit) =>
        new(TopViewCodes.UnfinishedTaskExists, string.Create(
            CultureInfo.InvariantCulture,
            $"An unfinished task exists ({limit} running at most), please wait for it to finish."));

    /// <summary>A rejection at the HTTP level (scripted status or injected fault), in TopView's envelope.</summary>
    public static TopViewError ForHttpStatus(int status, string? message) =>
        new(TopViewCodes.ForHttpStatus(status), message ?? string.Create(CultureInfo.InvariantCulture, $"Request failed with HTTP {status}."));

    /// <summary>The envelope with <paramref name="httpStatus"/> (200 for business errors, as TopView answers them).</summary>
    public IResult ToResult(int httpStatus = StatusCodes.Status200OK, int? retryAfterSeconds = null)
    {
        var json = Results.Json(new TopViewEnvelope(Code, Message, Result: null), statusCode: httpStatus);
        return retryAfterSeconds is { } seconds ? new RetryAfterResult(json, seconds) : json;
    }

    private sealed class RetryAfterResult(IResult inner, int seconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}
