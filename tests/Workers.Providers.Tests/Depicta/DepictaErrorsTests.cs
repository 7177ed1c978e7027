using System.Net;
using System.Text.Json;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Depicta;

namespace Workers.Providers.Tests.Depicta;

/// <summary>The submit error table, row by row, with and without Depicta's envelope.</summary>
public sealed class DepictaErrorsTests
{
    [Theory]
    [InlineData(400, "bad_request", ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    [InlineData(401, "auth_invalid", ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(402, "credit_insufficient", ProviderFailureKind.Rejected, GenerationErrorCodes.InsufficientCredits)]
    [InlineData(403, "content_rejected", ProviderFailureKind.Rejected, GenerationErrorCodes.ContentPolicy)]
    [InlineData(403, "account_suspended", ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(403, "auth_email_not_verified", ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(404, "not_found", ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    [InlineData(409, "conflict", ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    [InlineData(413, "payload_too_large", ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    [InlineData(422, "model_not_capable", ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    [InlineData(422, "unprocessable", ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    [InlineData(429, "rate_limited", ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited)]
    [InlineData(451, "content_unavailable_legal", ProviderFailureKind.Rejected, GenerationErrorCodes.ContentPolicy)]
    [InlineData(500, "internal_error", ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    [InlineData(502, "upstream_error", ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    [InlineData(503, "service_unavailable", ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(504, "gateway_timeout", ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    [InlineData(418, "teapot", ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    public void FromSubmit_DepictasEnvelope_FollowsTheTable(int status, string error, ProviderFailureKind kind, string code)
    {
        var ex = DepictaErrors.FromSubmit((HttpStatusCode)status, Headers(), new DepictaErrorBody { Error = error, Message = "m" });

        Assert.Equal((kind, code, error), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    [Theory]
    [InlineData(429, ProviderFailureKind.OutcomeUnknown)]
    [InlineData(503, ProviderFailureKind.OutcomeUnknown)]
    [InlineData(500, ProviderFailureKind.OutcomeUnknown)]
    [InlineData(502, ProviderFailureKind.OutcomeUnknown)]
    [InlineData(400, ProviderFailureKind.Rejected)]
    [InlineData(413, ProviderFailureKind.Rejected)]
    public void FromSubmit_NoEnvelope_IsOnlyTransientWhenDepictaSaidSo(int status, ProviderFailureKind kind)
    {
        var ex = DepictaErrors.FromSubmit((HttpStatusCode)status, Headers(), null);

        Assert.Equal((kind, status.ToString(System.Globalization.CultureInfo.InvariantCulture)), (ex.Kind, ex.ProviderCode));
    }

    [Fact]
    public void FromSubmit_RateLimited_KeepsRetryAfter()
    {
        var headers = Headers();
        headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(3));

        var ex = DepictaErrors.FromSubmit(HttpStatusCode.TooManyRequests, headers, new DepictaErrorBody { Error = "rate_limited" });

        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
    }

    [Fact]
    public void Describe_BadRequestDetails_ListsEveryFieldAndMessage()
    {
        using var details = JsonDocument.Parse("""[{"field":"characters","message":"1 to 10"},{"field":"scenes[0].location","message":"unknown"}]""");

        var text = DepictaErrors.Describe(HttpStatusCode.BadRequest,
            new DepictaErrorBody { Error = "bad_request", Message = "2 problems", Details = details.RootElement, RequestId = "req_1" });

        Assert.Equal("400 bad_request: 2 problems; details: characters: 1 to 10; scenes[0].location: unknown [request req_1]", text);
    }

    [Fact]
    public void DetailLines_OtherShapes_AreKeptReadable()
    {
        using var text = JsonDocument.Parse("\"just text\"");
        using var other = JsonDocument.Parse("""{"limit":10}""");
        using var many = JsonDocument.Parse("[" + string.Join(",", Enumerable.Range(0, 25).Select(i => $"\"d{i}\"")) + "]");

        Assert.Equal(["just text"], DepictaErrors.DetailLines(text.RootElement));
        Assert.Equal(["""{"limit":10}"""], DepictaErrors.DetailLines(other.RootElement));
        Assert.Equal(21, DepictaErrors.DetailLines(many.RootElement).Count);
        Assert.Equal("5 more", DepictaErrors.DetailLines(many.RootElement)[^1]);
        Assert.Empty(DepictaErrors.DetailLines(null));
    }

    [Theory]
    [InlineData(404, ProviderFailureKind.NotFound, GenerationErrorCodes.ProviderFailed)]
    [InlineData(429, ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited)]
    [InlineData(500, ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(401, ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable)]
    public void FromRead_PollFailure_KeepsAskingUnlessTheJobIsLost(int status, ProviderFailureKind kind, string code)
    {
        var ex = DepictaErrors.FromRead((HttpStatusCode)status, Headers(), new DepictaErrorBody { Error = "e" }, "job j", notFoundIsLost: true);

        Assert.Equal((kind, code, "e"), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    private static System.Net.Http.Headers.HttpResponseHeaders Headers()
    {
        using var response = new HttpResponseMessage();
        return response.Headers;
    }
}
