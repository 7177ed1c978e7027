using System.Net;
using System.Text.Json.Nodes;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.Apikley.ApikleyCalls;

namespace Workers.ProviderSimulator.Tests.Apikley;

/// <summary>recordInfo computed from the clock: waiting → queuing → generating → success | fail, on a manual clock.</summary>
public sealed class ApikleyTaskProgressionTests
{
    private const decimal DefaultBalance = 10_000_000;

    [Fact]
    public async Task RecordInfo_AsTimePasses_GoesWaitingQueuingGeneratingThenSuccess()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.Apikley, DurationMs = 10_000 });
        var createdAt = host.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var taskId = await host.CreateOkAsync(Body());

        // Defaults: waiting for 5 % of the run time, queuing for the next 10 %.
        var steps = new (int AdvanceMs, string State, long UpdatedAfterMs)[]
        {
            (0, "waiting", 0), (499, "waiting", 0), (1, "queuing", 500), (999, "queuing", 500),
            (1, "generating", 1500), (8499, "generating", 1500), (1, "success", 10_000),
        };
        foreach (var (advanceMs, state, updatedAfterMs) in steps)
        {
            host.Clock.Advance(TimeSpan.FromMilliseconds(advanceMs));
            var record = await host.RecordOkAsync(taskId);
            Assert.Equal(state, (string?)record["state"]);
            Assert.Equal(taskId, (string?)record["taskId"]);
            Assert.Equal("sora-2-pro-storyboard", (string?)record["model"]);
            Assert.Equal(createdAt, (long?)record["createTime"]);
            Assert.Equal(createdAt + updatedAfterMs, (long?)record["updateTime"]);
            if (state != "success")
            {
                Assert.Equal("", (string?)record["resultJson"]);
                Assert.Null(record["completeTime"]);
                Assert.Null(record["costTime"]);
                Assert.Equal(0m, (decimal?)record["consumeCredits"]);
            }
        }

        var done = await host.RecordOkAsync(taskId);
        Assert.Equal(createdAt + 10_000, (long?)done["completeTime"]);
        Assert.Equal(10_000, (long?)done["costTime"]);
        Assert.Equal("", (string?)done["failCode"]);
        Assert.Equal("", (string?)done["failMsg"]);
        Assert.Equal(225m, (decimal?)done["consumeCredits"]);
        Assert.Equal(DefaultBalance - 225m, (decimal?)done["remainedCredits"]);
        Assert.Single(ResultUrls(done));
    }

    [Fact]
    public async Task RecordInfo_ParamAndResultJson_AreJsonEncodedStrings()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.Apikley, DurationMs = 0 });
        var body = Body(("callBackUrl", "https://example.com/hook"), ("input.image_urls", new[] { "https://example.com/a.png" }));
        var taskId = await host.CreateOkAsync(body);

        var record = await host.RecordOkAsync(taskId);

        Assert.Equal(System.Text.Json.JsonValueKind.String, record["param"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.String, record["resultJson"]!.GetValueKind());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(body), JsonNode.Parse((string)record["param"]!)), (string?)record["param"]);
        var url = Assert.Single(ResultUrls(record));
        Assert.EndsWith($"/{taskId}.mp4", url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10", 120, 300, 150)]
    [InlineData("15", 120, 360, 225)]
    [InlineData("25", 240, 480, 375)]
    public async Task RecordInfo_DefaultDurationsAndPrices_FollowNFrames(string frames, int minSeconds, int maxSeconds, int price)
    {
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await host.CreateOkAsync(Body(("input.n_frames", frames), ("input.shots", Shots(5))));

        host.Clock.Advance(TimeSpan.FromSeconds(minSeconds) - TimeSpan.FromMilliseconds(1));
        Assert.Equal("generating", (string?)(await host.RecordOkAsync(taskId))["state"]);

        host.Clock.Advance(TimeSpan.FromSeconds(maxSeconds - minSeconds) + TimeSpan.FromMilliseconds(1));
        var done = await host.RecordOkAsync(taskId);
        Assert.Equal("success", (string?)done["state"]);
        Assert.Equal(price, (decimal?)done["consumeCredits"]);
        Assert.Equal(price, (await host.Control.GetCountersAsync(SimulatedProviders.Apikley)).CreditsCharged);
    }

    [Fact]
    public async Task RecordInfo_WithSpeedFactor_DividesDurations()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:SpeedFactor=100"]);
        var taskId = await host.CreateOkAsync(Body());

        host.Clock.Advance(TimeSpan.FromSeconds(3.6));

        Assert.Equal("success", (string?)(await host.RecordOkAsync(taskId))["state"]);
    }

    [Fact]
    public async Task RecordInfo_ConfiguredDurationAndPrice_AreUsed()
    {
        await using var host = await SimulatorHost.StartAsync(
            ["--Simulator:Apikley:Durations:10:MinSeconds=2", "--Simulator:Apikley:Durations:10:MaxSeconds=3", "--Simulator:Apikley:Prices:10=7"]);
        var taskId = await host.CreateOkAsync(Body(("input.n_frames", "10"), ("input.shots", Shots(10))));

        host.Clock.Advance(TimeSpan.FromSeconds(3));
        var done = await host.RecordOkAsync(taskId);

        Assert.Equal("success", (string?)done["state"]);
        Assert.Equal(7m, (decimal?)done["consumeCredits"]);
    }

    [Theory]
    [InlineData(ScriptOutcome.Failed, "501", "render farm on fire")]
    [InlineData(ScriptOutcome.ContentPolicy, "400", null)]
    public async Task RecordInfo_FailedTask_ReportsFailCodeAndMsgAndCostsNothing(ScriptOutcome outcome, string failCode, string? message)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.Apikley, Outcome = outcome, Message = message, DurationMs = 1000 });
        var taskId = await host.CreateOkAsync(Body());

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var record = await host.RecordOkAsync(taskId);

        Assert.Equal("fail", (string?)record["state"]);
        Assert.Equal(failCode, (string?)record["failCode"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)record["failMsg"]));
        if (message is not null)
        {
            Assert.Equal(message, (string?)record["failMsg"]);
        }

        Assert.Equal("", (string?)record["resultJson"]);
        Assert.Equal(0m, (decimal?)record["consumeCredits"]);
        Assert.Equal(DefaultBalance, (decimal?)record["remainedCredits"]);
        Assert.Equal(0m, (await host.Control.GetCountersAsync(SimulatedProviders.Apikley)).CreditsCharged);
    }

    [Fact]
    public async Task RecordInfo_StuckTask_StaysGeneratingForever()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.Apikley, Outcome = ScriptOutcome.Stuck, DurationMs = 1000 });
        var taskId = await host.CreateOkAsync(Body());

        host.Clock.Advance(TimeSpan.FromDays(30));

        Assert.Equal("generating", (string?)(await host.RecordOkAsync(taskId))["state"]);
    }

    [Fact]
    public async Task RecordInfo_UnknownTask_ReturnsObservedRecordInfoIsNull()
    {
        await using var host = await SimulatorHost.StartAsync();

        var (status, json) = await host.RecordAsync("task_sora-2-pro-storyboard_1765188271139");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(422, (int?)json["code"]);
        Assert.Equal("recordInfo is null", (string?)json["msg"]);
        Assert.True(json.ContainsKey("data") && json["data"] is null, "data is present and null");
    }

    [Fact]
    public async Task RecordInfo_TaskOfAnotherKey_IsNotFound()
    {
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await host.CreateOkAsync(Body());

        var (_, json) = await host.RecordAsync(taskId, apiKey: "someone-else");

        Assert.Equal("recordInfo is null", (string?)json["msg"]);
    }

    [Fact]
    public async Task CreateTask_InTheSameMillisecond_GetsDistinctIdsInTheDocumentedFormat()
    {
        await using var host = await SimulatorHost.StartAsync();
        var now = host.Clock.GetUtcNow().ToUnixTimeMilliseconds();

        var first = await host.CreateOkAsync(Body());
        var second = await host.CreateOkAsync(Body());

        Assert.Equal($"task_sora-2-pro-storyboard_{now}", first);
        Assert.Equal($"task_sora-2-pro-storyboard_{now + 1}", second);
    }
}
