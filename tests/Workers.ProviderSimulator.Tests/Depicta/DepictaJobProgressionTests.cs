using System.Net;
using static Workers.ProviderSimulator.Tests.Depicta.DepictaCalls;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.Depicta;

/// <summary>Job status computed from the clock: pending → processing (scenes_completed rising) → completed, on a manual clock.</summary>
public sealed class DepictaJobProgressionTests
{
    [Fact]
    public async Task Poll_AsTimePasses_GoesPendingThenProcessingSceneBySceneThenCompleted()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script(durationMs: 10_000));

        // 2 portraits + 4 scenes = 6 images; pending for the first second (PendingFraction 0.1), then 1.5 s per image.
        var jobId = await host.SubmitOkAsync(Story(("scenes", Scenes(4))));
        var steps = new (int AtMs, string Status, int Scenes)[]
        {
            (0, "pending", 0), (900, "pending", 0), (1100, "processing", 0), (4750, "processing", 0),
            (6250, "processing", 1), (7750, "processing", 2), (9250, "processing", 3), (9999, "processing", 3),
            (10_000, "completed", 4),
        };
        var elapsedMs = 0;
        foreach (var (atMs, status, scenes) in steps)
        {
            host.Clock.Advance(TimeSpan.FromMilliseconds(atMs - elapsedMs));
            elapsedMs = atMs;
            var job = await host.PollOkAsync(jobId);

            Assert.True(status == (string?)job["status"], $"at {atMs} ms: {job}");
            Assert.True(scenes == (int?)job["scenes_completed"], $"at {atMs} ms: {job}");
            Assert.Equal(4, (int?)job["scenes_total"]);
            Assert.Equal(status == "completed", job["result"] is not null);
        }
    }

    [Fact]
    public async Task Poll_Completed_HasSceneImagesPortraitsAndCost()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script());
        var jobId = await host.SubmitOkAsync(Story(("scenes", Scenes(3))));

        var job = await host.PollOkAsync(jobId);
        var scenes = job["result"]!["scenes"]!.AsArray();
        var characters = job["result"]!["characters"]!.AsArray();

        Assert.Equal("completed", (string?)job["status"]);
        Assert.Equal(["scene 1 prompt", "scene 2 prompt", "scene 3 prompt"], scenes.Select(scene => (string)scene!["prompt"]!));
        Assert.All(scenes, scene =>
        {
            Assert.EndsWith(".png", (string?)scene!["images"]!["png"], StringComparison.Ordinal);
            Assert.EndsWith(".jpg", (string?)scene["images"]!["jpeg"], StringComparison.Ordinal);
            Assert.EndsWith(".webp", (string?)scene["images"]!["webp"], StringComparison.Ordinal);
        });
        Assert.Equal(["C1", "C2"], characters.Select(character => (string)character!["name"]!));
        Assert.Equal("0.135000", (string?)job["cost_eur"]);
        Assert.Equal("99.865000", (string?)job["balance_eur"]);
        Assert.Null(job["error"]);
        Assert.Equal(Model, (string?)job["model"]);
    }

    [Fact]
    public async Task Poll_TheStoryPathAndTheJobsPath_ReturnTheSameJob()
    {
        await using var host = await SimulatorHost.StartAsync();
        var jobId = await host.SubmitOkAsync(Story());

        using var story = await host.GetAsync($"/v1/generate/story/{jobId}");
        var viaStory = await ReadJsonAsync(story);
        var viaJobs = await host.PollOkAsync(jobId);

        Assert.Equal(HttpStatusCode.OK, story.StatusCode);
        Assert.Equal(viaJobs.ToJsonString(), viaStory.ToJsonString());
    }

    [Fact]
    public async Task Submit_PollUrl_IsAbsoluteJobsUrlByDefault_AndWorks()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.SubmitAsync(Story());
        var body = await ReadJsonAsync(response);
        var pollUrl = (string)body["poll_url"]!;
        using var poll = await host.GetAsync(pollUrl);

        Assert.Equal($"http://localhost/v1/jobs/{body["job_id"]}", pollUrl);
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
    }

    [Fact]
    public async Task Submit_PollUrlStyleRelative_GivesTheStoryPath_AndItWorks()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Depicta:PollUrlStyle=Relative"]);

        using var response = await host.SubmitAsync(Story());
        var body = await ReadJsonAsync(response);
        var pollUrl = (string)body["poll_url"]!;
        using var poll = await host.GetAsync(pollUrl);

        Assert.Equal($"/v1/generate/story/{body["job_id"]}", pollUrl);
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
    }

    [Fact]
    public async Task Poll_AnotherKeysJobOrUnknownId_Returns404NotFound()
    {
        await using var host = await SimulatorHost.StartAsync();
        var jobId = await host.SubmitOkAsync(Story());

        using var otherKey = await host.GetAsync($"/v1/jobs/{jobId}", apiKey: "dpct_someone_else");
        using var unknown = await host.GetAsync($"/v1/jobs/{Guid.NewGuid()}");

        await ErrorAsync(otherKey, HttpStatusCode.NotFound, "not_found");
        await ErrorAsync(unknown, HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task ListJobs_ShowsTheKeysRecentJobsNewestFirst_WithStatus()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script() with { Count = 1 });
        var first = await host.SubmitOkAsync(Story());
        var second = await host.SubmitOkAsync(Story());
        await host.SubmitOkAsync(Story(), apiKey: "dpct_someone_else");

        using var all = await host.GetAsync("/v1/jobs");
        using var limited = await host.GetAsync("/v1/jobs?limit=1");
        using var invalid = await host.GetAsync("/v1/jobs?limit=0");
        var jobs = (await ReadJsonAsync(all))["jobs"]!.AsArray();

        Assert.Equal([second, first], jobs.Select(job => (string)job!["id"]!));
        Assert.Equal(["pending", "completed"], jobs.Select(job => (string)job!["status"]!));
        Assert.Equal($"http://localhost/v1/jobs/{second}", (string?)jobs[0]!["poll_url"]);
        Assert.Single((await ReadJsonAsync(limited))["jobs"]!.AsArray());
        await ErrorAsync(invalid, HttpStatusCode.BadRequest, "bad_request");
    }

    [Theory]
    [InlineData(2, 2, 10, 30)]
    [InlineData(1, 10, 10, 30)]
    public async Task Poll_DefaultDurations_EndWithinTenToThirtySecondsPerImage(int characters, int scenes, int minPerImage, int maxPerImage)
    {
        await using var host = await SimulatorHost.StartAsync();
        var jobId = await host.SubmitOkAsync(Story(("characters", Characters(characters)), ("scenes", Scenes(scenes))));
        var images = characters + scenes;

        host.Clock.Advance(TimeSpan.FromSeconds(minPerImage * images) - TimeSpan.FromMilliseconds(1));
        Assert.Equal("processing", (string?)(await host.PollOkAsync(jobId))["status"]);

        host.Clock.Advance(TimeSpan.FromSeconds((maxPerImage - minPerImage) * images) + TimeSpan.FromMilliseconds(1));
        Assert.Equal("completed", (string?)(await host.PollOkAsync(jobId))["status"]);
    }

    [Fact]
    public async Task Poll_WithSpeedFactor_EndsThatManyTimesSooner()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:SpeedFactor=100"]);
        var jobId = await host.SubmitOkAsync(Story());

        host.Clock.Advance(TimeSpan.FromSeconds(30 * 4 / 100.0));

        Assert.Equal("completed", (string?)(await host.PollOkAsync(jobId))["status"]);
    }

    [Fact]
    public async Task Poll_ConfiguredModelDuration_IsUsed()
    {
        await using var host = await SimulatorHost.StartAsync([
            "--Simulator:Depicta:SecondsPerImage:depicta-story-1-fast:MinSeconds=1",
            "--Simulator:Depicta:SecondsPerImage:depicta-story-1-fast:MaxSeconds=2"]);
        var jobId = await host.SubmitOkAsync(Story(("model", "depicta-story-1-fast")));

        host.Clock.Advance(TimeSpan.FromSeconds(2 * 4));

        Assert.Equal("completed", (string?)(await host.PollOkAsync(jobId))["status"]);
    }
}
