using System.Net;
using System.Text.Json.Nodes;
using Workers.ProviderSimulator.Scripts;
using Workers.ProviderSimulator.Tests.Callbacks;
using Workers.ProviderSimulator.Tests.UniAll;
using static Workers.ProviderSimulator.Tests.TopView.TopViewCalls;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary>
/// The scripted <c>partial_failure</c>: a successful image-to-video task whose first video failed, charged for the
/// others only; a task of one item simply fails; other providers refuse the script.
/// </summary>
public sealed class TopViewPartialFailureTests
{
    // Seedance 1.5 Pro at 1080 with sound for 10 s: 0.12 × 2 × 1.7 × 10 = 4.08 credits a video, 12.24 for three.
    private const decimal CreditsPerVideo = 4.08m;

    private static readonly (string, object?)[] ThreeVideos =
        [("resolution", 1080), ("sound", "on"), ("duration", 10), ("generatingCount", 3)];

    [Fact]
    public async Task ThreeVideos_FirstFailsWithTheMessage_OthersHaveFiles_AndTwoThirdsAreCharged()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.TopView, Outcome = ScriptOutcome.PartialFailure, Message = "render node lost", DurationMs = 1000,
        });
        var taskId = await host.SubmitOkAsync(VideoPath, ImageToVideo(ThreeVideos));

        var pending = await host.QueryOkAsync(VideoPath, taskId);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var result = await host.QueryOkAsync(VideoPath, taskId);
        var videos = result["videos"]!.AsArray();

        Assert.Equal("init", (string?)pending["status"]);
        Assert.Empty(pending["videos"]!.AsArray());
        Assert.Equal("success", (string?)result["status"]);
        Assert.Null(result["errorMsg"]);
        Assert.Equal(["fail", "success", "success"], videos.Select(video => (string?)video!["status"]));
        Assert.Equal("render node lost", (string?)videos[0]!["errorMsg"]);
        Assert.Null(videos[0]!["filePath"]);
        Assert.Null(videos[0]!["fileId"]);
        foreach (var video in videos.Skip(1))
        {
            Assert.Null(video!["errorMsg"]);
            using var download = await host.Http.GetAsync(new Uri((string)video["filePath"]!));
            download.EnsureSuccessStatusCode();
            Assert.Equal("video/mp4", download.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal(CreditsPerVideo * 2, (decimal)result["costCredit"]!);
        Assert.Equal(CreditsPerVideo * 3 * 2 / 3, (decimal)result["costCredit"]!);
        Assert.Equal(CreditsPerVideo * 2, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).CreditsCharged);
        Assert.Equal(10_000m - (CreditsPerVideo * 2), await RemainingCreditsAsync(host));
    }

    [Fact]
    public async Task WithoutAMessage_TheFailedVideoSaysWhichOneFailed()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, Outcome = ScriptOutcome.PartialFailure, DurationMs = 0 });
        var taskId = await host.SubmitOkAsync(VideoPath, ImageToVideo(("generatingCount", 2)));

        var videos = (await host.QueryOkAsync(VideoPath, taskId))["videos"]!.AsArray();

        Assert.Equal(["fail", "success"], videos.Select(video => (string?)video!["status"]));
        Assert.Equal("video 1 of 2 failed to render.", (string?)videos[0]!["errorMsg"]);
    }

    [Fact]
    public async Task Callback_CarriesTheSameResultAsTheQuery()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Reply = TopViewCallbackTests.Echo;
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.TopView, Outcome = ScriptOutcome.PartialFailure, Message = "render node lost", DurationMs = 0,
        });
        var taskId = await host.SubmitOkAsync(VideoPath, ImageToVideo([.. ThreeVideos, ("noticeUrl", receiver.Url("/cb").ToString())]));

        var body = JsonNode.Parse(Assert.Single(await receiver.WaitForAsync(1, TimeSpan.FromSeconds(10))).Body)!;
        var queried = await host.QueryOkAsync(VideoPath, taskId);

        Assert.Equal("success", (string?)body["status"]);
        Assert.Null(body["errorMsg"]);
        Assert.Equal(CreditsPerVideo * 2, (decimal)body["result"]!["costCredit"]!);

        // Links are signed per hand-out, so only their presence is compared.
        Assert.True(JsonNode.DeepEquals(WithoutLinks(queried), WithoutLinks(body["result"]!)), $"callback {body["result"]}\nquery {queried}");
        Assert.Equal(
            [false, true, true],
            body["result"]!["videos"]!.AsArray().Select(video => video!["filePath"] is not null));
    }

    [Theory]
    [InlineData("storyboard", "image 1 of 1 failed to render.")]
    [InlineData("one video", "video 1 of 1 failed to render.")]
    public async Task OneItem_FailsTheTask_LikeFailed_AndCostsNothing(string kind, string message)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, Outcome = ScriptOutcome.PartialFailure, DurationMs = 0 });
        var (path, json) = kind == "storyboard" ? (StoryboardPath, Storyboard()) : (VideoPath, ImageToVideo(("generatingCount", 1)));
        var taskId = await host.SubmitOkAsync(path, json);

        var result = await host.QueryOkAsync(path, taskId);

        Assert.Equal("fail", (string?)result["status"]);
        Assert.Equal(message, (string?)result["errorMsg"]);
        Assert.Empty(result[kind == "storyboard" ? "images" : "videos"]!.AsArray());
        Assert.Equal(0m, (decimal)result["costCredit"]!);
        Assert.Equal(0m, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).CreditsCharged);
    }

    [Theory]
    [InlineData(SimulatedProviders.UniAll)]
    [InlineData(SimulatedProviders.Apikley)]
    [InlineData(SimulatedProviders.Depicta)]
    public async Task Script_ForAnotherProvider_IsRefusedNamingTheOutcomeField(string provider)
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Http.PostAsync(
            new Uri("/_control/scripts", UriKind.Relative),
            new StringContent($"{{\"provider\":\"{provider}\",\"outcome\":\"partial_failure\"}}", System.Text.Encoding.UTF8, "application/json"));
        var json = await UniAllCalls.ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("partial_failure", (string?)json["errors"]!["outcome"]![0], StringComparison.Ordinal);
        Assert.Empty(await host.Control.GetScriptsAsync());
    }

    [Fact]
    public async Task Script_ForTopView_IsAcceptedUnderItsWireName()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Http.PostAsync(
            new Uri("/_control/scripts", UriKind.Relative),
            new StringContent("{\"provider\":\"TopView\",\"outcome\":\"partial_failure\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(ScriptOutcome.PartialFailure, Assert.Single(await host.Control.GetScriptsAsync()).Script.Outcome);
    }

    private static async Task<decimal> RemainingCreditsAsync(SimulatorHost host)
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/user/credit/detail");
        return (decimal)(await ResultOkAsync(response))["remainCredit"]!;
    }

    private static JsonNode WithoutLinks(JsonNode result)
    {
        var copy = result.DeepClone();
        foreach (var video in copy["videos"]!.AsArray())
        {
            video!.AsObject().Remove("filePath");
        }

        return copy;
    }
}
