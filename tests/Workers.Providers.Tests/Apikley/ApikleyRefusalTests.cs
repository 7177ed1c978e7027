using System.Net;
using System.Text;
using Refit;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Apikley;

namespace Workers.Providers.Tests.Apikley;

/// <summary>Refusals that need a simulator of their own (its limits and switches), and answers no simulator gives.</summary>
public sealed class ApikleyRefusalTests
{
    [Theory]
    [InlineData(false, HttpStatusCode.OK)]
    [InlineData(true, HttpStatusCode.TooManyRequests)]
    public async Task CreateTaskAsync_OverTheCreateLimit_IsTransientRateLimitedWithRetryAfter(bool asHttp429, HttpStatusCode expectedHttp)
    {
        await using var sim = await ApikleySimulator.StartAsync(
            ["--Simulator:Apikley:CreateTaskLimit=1", $"--Simulator:Apikley:RateLimitAsHttp429={asHttp429}"]);
        var request = ApikleyVideoProvider.ToRequest(ApikleyCommands.Video("limit"), null, null);
        await sim.Client.CreateTaskAsync(request, ApikleySimulator.Key, "first", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            sim.Client.CreateTaskAsync(request, ApikleySimulator.Key, "second", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited, "429"), (ex.Kind, ex.Code, ex.ProviderCode));
        Assert.NotNull(ex.RetryAfter);
        Assert.True(ex.RetryAfter > TimeSpan.Zero);
        using var third = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/jobs/createTask", UriKind.Relative)) { Content = Json("{}") };
        third.Headers.Authorization = new("Bearer", ApikleySimulator.Key);
        using var raw = await sim.Http.SendAsync(third);
        Assert.Equal(expectedHttp, raw.StatusCode);
    }

    [Theory]
    [InlineData("Maintenance", ProviderFailureKind.Transient, "455")]
    [InlineData("FeatureDisabled", ProviderFailureKind.Rejected, "505")]
    public async Task CreateTaskAsync_ProviderSwitchedOff_FollowsTheErrorTable(string option, ProviderFailureKind kind, string providerCode)
    {
        await using var sim = await ApikleySimulator.StartAsync([$"--Simulator:Apikley:{option}=true"]);
        var request = ApikleyVideoProvider.ToRequest(ApikleyCommands.Video("off"), null, null);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            sim.Client.CreateTaskAsync(request, ApikleySimulator.Key, "ref", CancellationToken.None));

        Assert.Equal((kind, GenerationErrorCodes.ProviderUnavailable, providerCode), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html>bad gateway</html>")]
    [InlineData(HttpStatusCode.InternalServerError, "")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "upstream connect error")]
    [InlineData(HttpStatusCode.OK, "<html>not json</html>")]
    public async Task CreateTaskAsync_AnswerWithoutAnApikleyEnvelope_IsOutcomeUnknown(HttpStatusCode status, string body)
    {
        var client = Stubbed(status, body);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => client.CreateTaskAsync(
            ApikleyVideoProvider.ToRequest(ApikleyCommands.Video("bare"), null, null), "k", "ref", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome), (ex.Kind, ex.Code));
    }

    [Fact]
    public async Task CreateTaskAsync_SuccessWithoutTaskId_IsOutcomeUnknown()
    {
        var client = Stubbed(HttpStatusCode.OK, """{"code":200,"msg":"success","data":{}}""");

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => client.CreateTaskAsync(
            ApikleyVideoProvider.ToRequest(ApikleyCommands.Video("noid"), null, null), "k", "ref", CancellationToken.None));

        Assert.Equal(ProviderFailureKind.OutcomeUnknown, ex.Kind);
    }

    [Fact]
    public async Task GetRecordAsync_MessageSpelledMessageAndCodeAsString_IsRead()
    {
        var client = Stubbed(HttpStatusCode.OK, """
            {"code":"200","message":"success","data":{"taskId":"t1","state":"success",
             "resultJson":"{\"resultUrls\":[\"https://cdn.example/t1.mp4\"],\"resultWaterMarkUrls\":[\"x\"]}",
             "failCode":"","failMsg":"","creditsConsumed":"225"}}
            """);

        var state = ApikleyStatus.ToState(await client.GetRecordAsync("t1", "k", CancellationToken.None));

        Assert.Equal(ProviderTaskPhase.Succeeded, state.Phase);
        Assert.Equal("https://cdn.example/t1.mp4", Assert.Single(state.Items).Url);
        Assert.Equal(225m, state.ReportedCost?.Amount);
    }

    [Fact]
    public async Task GetRecordAsync_OtherValidationCode_IsNotTakenForAnUnknownTask()
    {
        var client = Stubbed(HttpStatusCode.OK, """{"code":422,"msg":"taskId is required","data":null}""");

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => client.GetRecordAsync("t1", "k", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation), (ex.Kind, ex.Code));
    }

    private static ApikleyClient Stubbed(HttpStatusCode status, string body)
    {
        var http = new HttpClient(new StubHandler(status, body)) { BaseAddress = new Uri("https://api.apikley.test/") };
        return new ApikleyClient(RestService.ForGenerated<IApikleyApi>(http, RefitSettings.ForJsonContext(ApikleyJsonContext.Default)));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private sealed class StubHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status)
            {
                Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/html"),
                RequestMessage = request,
            });
    }
}
