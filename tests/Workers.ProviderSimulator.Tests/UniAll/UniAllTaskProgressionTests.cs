using System.Net;
using System.Text.RegularExpressions;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.UniAll;

/// <summary>Status computed from the clock: queued → processing (rising "NN%") → succeeded, on a manual clock.</summary>
public sealed partial class UniAllTaskProgressionTests
{
    [Fact]
    public async Task Query_AsTimePasses_GoesQueuedThenProcessingWithRisingProgressThenSucceeded()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, DurationMs = 10_000 });
        var taskId = await host.SubmitOkAsync(Gpt(("n", 3)));

        // Default QueuedFraction 0.1: queued for the first second of ten.
        var steps = new (int AdvanceMs, string Status)[]
        {
            (0, "queued"), (500, "queued"), (600, "processing"), (2000, "processing"),
            (3000, "processing"), (3800, "processing"), (99, "processing"), (1, "succeeded"),
        };
        var progress = new List<int>();
        foreach (var (advanceMs, status) in steps)
        {
            host.Clock.Advance(TimeSpan.FromMilliseconds(advanceMs));
            var task = await host.QueryOkAsync(taskId);
            Assert.Equal(status, (string?)task["status"]);
            Assert.Equal(taskId, (string?)task["task_id"]);
            var text = (string)task["progress"]!;
            Assert.Matches(PercentPattern(), text);
            progress.Add(int.Parse(text.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal([0, 0], progress[..2]);
        var processing = progress[2..^1];
        Assert.All(processing, p => Assert.InRange(p, 1, 99));
        Assert.Equal(processing.OrderBy(p => p).Distinct(), processing);
        Assert.Equal(100, progress[^1]);
    }

    [Fact]
    public async Task Query_Succeeded_ReportsEveryResultUrlAndTheFirstAsResultUrl()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, DurationMs = 1000 });
        var taskId = await host.SubmitOkAsync(Gpt(("n", 3)));
        var before = await host.QueryOkAsync(taskId);

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var task = await host.QueryOkAsync(taskId);

        Assert.Equal(0, (int?)before["metadata"]!["result_count"]);
        Assert.Null(before["metadata"]!["result_urls"]);
        Assert.Null(before["result_url"]);
        Assert.Equal("succeeded", (string?)task["status"]);
        Assert.Equal("100%", (string?)task["progress"]);
        Assert.Null(task["error"]);
        Assert.Equal("text2image", (string?)task["metadata"]!["task_type"]);
        Assert.Equal(3, (int?)task["metadata"]!["result_count"]);
        var urls = task["metadata"]!["result_urls"]!.AsArray().Select(url => (string)url!).ToList();
        Assert.Equal(3, urls.Distinct().Count());
        Assert.Equal(urls[0], (string?)task["result_url"]);
    }

    [Theory]
    [InlineData("gpt-image-2", 20, 120)]
    [InlineData("NanoBanana2-1K", 10, 40)]
    [InlineData("NanoBananaPro-8K", 30, 90)]
    public async Task Query_DefaultDurations_EndWithinTheModelsRange(string model, int minSeconds, int maxSeconds)
    {
        await using var host = await SimulatorHost.StartAsync();
        var body = model == "gpt-image-2" ? Gpt() : Nano(model);
        var taskId = await host.SubmitOkAsync(body);

        host.Clock.Advance(TimeSpan.FromSeconds(minSeconds) - TimeSpan.FromMilliseconds(1));
        Assert.Equal("processing", (string?)(await host.QueryOkAsync(taskId))["status"]);

        host.Clock.Advance(TimeSpan.FromSeconds(maxSeconds - minSeconds) + TimeSpan.FromMilliseconds(1));
        Assert.Equal("succeeded", (string?)(await host.QueryOkAsync(taskId))["status"]);
    }

    [Fact]
    public async Task Query_WithSpeedFactor_DividesDurations()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:SpeedFactor=100"]);
        var taskId = await host.SubmitOkAsync(Gpt());

        // gpt-image-2 takes at most 120 s at speed 1, so at most 1.2 s at speed 100.
        host.Clock.Advance(TimeSpan.FromSeconds(1.2));

        Assert.Equal("succeeded", (string?)(await host.QueryOkAsync(taskId))["status"]);
    }

    [Fact]
    public async Task Query_ConfiguredDurationForAModel_IsUsed()
    {
        await using var host = await SimulatorHost.StartAsync(
            ["--Simulator:UniAll:Durations:NanoBanana2-0.5K:MinSeconds=2", "--Simulator:UniAll:Durations:NanoBanana2-0.5K:MaxSeconds=3"]);
        var taskId = await host.SubmitOkAsync(Nano("NanoBanana2-0.5K"));

        host.Clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal("succeeded", (string?)(await host.QueryOkAsync(taskId))["status"]);
    }

    [Fact]
    public async Task Query_UnknownTask_Returns404TaskNotExist()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.QueryAsync("task_does_not_exist");
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("task_not_exist", (string?)json["code"]);
        Assert.False(string.IsNullOrEmpty((string?)json["message"]));
        Assert.True(json.ContainsKey("data") && json["data"] is null, "data is present and null");
    }

    [Fact]
    public async Task Query_TaskOfAnotherKey_Returns404()
    {
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await host.SubmitOkAsync(Gpt());

        using var response = await host.QueryAsync(taskId, apiKey: "sk-someone-else");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void DurationRange_Pick_IsDeterministicPerKeyWithinRangeAndScaled()
    {
        var range = new DurationRange(20, 120);
        var picks = Enumerable.Range(0, 1000).Select(i => range.Pick($"task_{i}", speedFactor: 1)).ToList();

        Assert.All(picks, pick => Assert.InRange(pick.TotalSeconds, 20, 120));
        Assert.True(picks.Min().TotalSeconds < 30 && picks.Max().TotalSeconds > 110, "picks spread over the range");
        Assert.Equal(range.Pick("task_7", 1), range.Pick("task_7", 1));
        Assert.Equal(range.Pick("task_7", 1).TotalSeconds / 10, range.Pick("task_7", 10).TotalSeconds, precision: 6);
    }

    [GeneratedRegex(@"^\d{1,3}%$")]
    private static partial Regex PercentPattern();
}
