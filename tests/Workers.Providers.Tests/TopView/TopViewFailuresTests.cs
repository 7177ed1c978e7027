using System.Net;
using System.Text;
using Refit;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.TopView;

namespace Workers.Providers.Tests.TopView;

/// <summary>Answers the simulator does not give: a proxy's bare statuses and broken bodies.</summary>
public sealed class TopViewFailuresTests
{
    private static readonly TopViewAccount Account = new() { Uid = "u", ApiKey = "k" };

    [Theory]
    [InlineData(500, "<html>Internal Server Error</html>", ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    [InlineData(502, "Bad Gateway", ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    [InlineData(503, "", ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    [InlineData(429, "slow down", ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited)]
    [InlineData(200, "not json", ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    [InlineData(200, """{"code":"200","message":"Success","result":{}}""", ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    [InlineData(200, """{"code":"6001","message":"security problem detected","result":null}""", ProviderFailureKind.Rejected, GenerationErrorCodes.ContentPolicy)]
    [InlineData(200, """{"code":"4003","message":"story is null","result":null}""", ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    [InlineData(200, """{"code":5003,"message":"busy","result":null}""", ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(200, """{"code":"9999","message":"?","result":null}""", ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable)]
    public async Task SubmitStoryboardAsync_Answer_IsClassified(int status, string body, ProviderFailureKind kind, string code)
    {
        var client = Client(status, body);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => client.SubmitStoryboardAsync(
            new TopViewStoryboardRequest { Story = "s", Model = "Nano Banana 2", Resolution = "1K" }, Account, "ref", CancellationToken.None));

        Assert.Equal((kind, code), (ex.Kind, ex.Code));
    }

    [Fact]
    public async Task SubmitVideoAsync_Accepted_ReturnsTheTaskWithBoardDetails()
    {
        var client = Client(200, """
            {"code":"200","message":"Success","result":{"taskId":"t1","status":"success","errorMsg":null,"subTaskId":null,
             "boardTaskIds":["b1","b2"],"boardId":"board","noticeUuid":"n1"}}
            """);

        var result = await client.SubmitVideoAsync(new TopViewVideoRequest { Model = "Kling V3" }, Account, "ref", CancellationToken.None);
        var submission = TopViewSubmissions.ToSubmission(result);

        Assert.Equal("t1", submission.TaskId);
        Assert.Equal(new Dictionary<string, string> { ["noticeUuid"] = "n1", ["boardId"] = "board", ["boardTaskIds"] = "b1,b2" }, submission.Details);
    }

    [Theory]
    [InlineData(200, """{"code":"401","message":"Unauthorized","result":null}""", ProviderFailureKind.Transient)]
    [InlineData(502, "Bad Gateway", ProviderFailureKind.Transient)]
    [InlineData(200, """{"code":"4004","message":"Task not found","result":null}""", ProviderFailureKind.NotFound)]
    public async Task GetVideoTaskAsync_Answer_IsClassified(int status, string body, ProviderFailureKind kind)
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            Client(status, body).GetVideoTaskAsync("t1", Account, cloudFront: false, CancellationToken.None));

        Assert.Equal(kind, ex.Kind);
    }

    [Fact]
    public async Task Calls_CarryTheAccountsHeadersAndAskForS3Links()
    {
        var handler = Handler(200, """{"code":"200","message":"Success","result":{"taskId":"t1","status":"running"}}""");
        var client = new TopViewClient(RestService.ForGenerated<ITopViewApi>(new HttpClient(handler) { BaseAddress = new Uri("https://api.topview.ai") },
            RefitSettings.ForJsonContext(TopViewJsonContext.Default)));

        await client.GetStoryboardTaskAsync("t1", Account, cloudFront: false, CancellationToken.None);

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/v1/common_task/storyboard/task/query?taskId=t1&needCloudFrontUrl=false", request.RequestUri!.PathAndQuery);
        Assert.Equal("u", Assert.Single(request.Headers.GetValues("Topview-Uid")));
        Assert.Equal(("Bearer", "k"), (request.Headers.Authorization?.Scheme, request.Headers.Authorization?.Parameter));
    }

    private static TopViewClient Client(int status, string body) =>
        new(RestService.ForGenerated<ITopViewApi>(new HttpClient(Handler(status, body)) { BaseAddress = new Uri("https://api.topview.ai") },
            RefitSettings.ForJsonContext(TopViewJsonContext.Default)));

    private static StubHandler Handler(int status, string body) => new(_ => new HttpResponseMessage((HttpStatusCode)status)
    {
        Content = new StringContent(body, Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/html"),
    });
}
