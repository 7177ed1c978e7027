using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.TopView.TopViewCalls;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary>Status computed from the clock: init → running → success | fail, on a manual clock.</summary>
public sealed class TopViewTaskProgressionTests
{
    [Theory]
    [InlineData(StoryboardPath)]
    [InlineData(VideoPath)]
    public async Task Query_AsTimePasses_GoesInitThenRunningThenSuccess(string path)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 10_000 });
        var taskId = await host.SubmitOkAsync(path, path == StoryboardPath ? Storyboard() : ImageToVideo());

        // Default InitFraction 0.1: init for the first second of ten.
        var steps = new (int AdvanceMs, string Status)[] { (0, "init"), (999, "init"), (1, "running"), (8999, "running"), (1, "success") };
        foreach (var (advanceMs, status) in steps)
        {
            host.Clock.Advance(TimeSpan.FromMilliseconds(advanceMs));
            var result = await host.QueryOkAsync(path, taskId);
            Assert.Equal(status, (string?)result["status"]);
            Assert.Equal(taskId, (string?)result["taskId"]);
            var items = result[path == StoryboardPath ? "images" : "videos"]!.AsArray();
            Assert.Equal(status == "success" ? 1 : 0, items.Count);
            Assert.Equal(status == "success", (decimal?)result["costCredit"] > 0);
        }
    }

    [Theory]
    [InlineData(StoryboardPath, 30, 60)]
    [InlineData(VideoPath, 60, 300)]
    public async Task Query_DefaultDurations_EndWithinTheReadmeRange(string path, int minSeconds, int maxSeconds)
    {
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await host.SubmitOkAsync(path, path == StoryboardPath ? Storyboard() : ImageToVideo());

        host.Clock.Advance(TimeSpan.FromSeconds(minSeconds) - TimeSpan.FromMilliseconds(1));
        Assert.Equal("running", (string?)(await host.QueryOkAsync(path, taskId))["status"]);

        host.Clock.Advance(TimeSpan.FromSeconds(maxSeconds - minSeconds) + TimeSpan.FromMilliseconds(1));
        Assert.Equal("success", (string?)(await host.QueryOkAsync(path, taskId))["status"]);
    }

    [Fact]
    public async Task Query_ConfiguredDurationForAModelAndSpeedFactor_AreUsed()
    {
        await using var host = await SimulatorHost.StartAsync(
            ["--Simulator:SpeedFactor=10", "--Simulator:TopView:VideoDurations:sora-2:MinSeconds=20", "--Simulator:TopView:VideoDurations:sora-2:MaxSeconds=30"]);
        var taskId = await host.SubmitOkAsync(VideoPath, ImageToVideo(("model", "Sora 2")));

        host.Clock.Advance(TimeSpan.FromSeconds(1.9));
        Assert.Equal("running", (string?)(await host.QueryOkAsync(VideoPath, taskId))["status"]);
        host.Clock.Advance(TimeSpan.FromSeconds(1.1));
        Assert.Equal("success", (string?)(await host.QueryOkAsync(VideoPath, taskId))["status"]);
    }

    [Fact]
    public async Task Query_UnknownTaskOtherUidsTaskOrOtherKind_Returns4004()
    {
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await host.SubmitOkAsync(StoryboardPath, Storyboard());

        using var unknown = await host.SendAsync(HttpMethod.Get, $"{StoryboardPath}/query?taskId=nope");
        using var otherUid = await host.SendAsync(HttpMethod.Get, $"{StoryboardPath}/query?taskId={taskId}", uid: "uid-other");
        using var otherKind = await host.SendAsync(HttpMethod.Get, $"{VideoPath}/query?taskId={taskId}");
        using var missing = await host.SendAsync(HttpMethod.Get, $"{StoryboardPath}/query");

        await ErrorAsync(unknown, "4004");
        await ErrorAsync(otherUid, "4004");
        await ErrorAsync(otherKind, "4004");
        await ErrorAsync(missing, "4003");
    }

    [Fact]
    public async Task Query_NeedCloudFrontUrl_GivesSignedLinksEitherWay_AndRejectsNonBooleans()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 0 });
        var taskId = await host.SubmitOkAsync(StoryboardPath, Storyboard());

        var s3 = await host.QueryOkAsync(StoryboardPath, taskId, extraQuery: "&needCloudFrontUrl=false");
        var cdn = await host.QueryOkAsync(StoryboardPath, taskId, extraQuery: "&needCloudFrontUrl=true");
        using var bad = await host.SendAsync(HttpMethod.Get, $"{StoryboardPath}/query?taskId={taskId}&needCloudFrontUrl=yes");

        foreach (var url in new[] { (string)s3["images"]![0]!["filePath"]!, (string)cdn["images"]![0]!["filePath"]! })
        {
            using var download = await host.Http.GetAsync(new Uri(url));
            Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        }

        Assert.Contains("/s3-", (string)s3["images"]![0]!["filePath"]!, StringComparison.Ordinal);
        Assert.Contains("/cdn-", (string)cdn["images"]![0]!["filePath"]!, StringComparison.Ordinal);
        await ErrorAsync(bad, "4001");
    }

    [Fact]
    public async Task Query_IsCountedAsPoll()
    {
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await host.SubmitOkAsync(VideoPath, ImageToVideo());

        await host.QueryOkAsync(VideoPath, taskId);
        await host.QueryOkAsync(VideoPath, taskId);

        Assert.Equal(2, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).Polls);
    }
}
