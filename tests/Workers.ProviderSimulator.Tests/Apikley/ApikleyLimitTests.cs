using System.Net;
using System.Net.Http.Json;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.Apikley.ApikleyCalls;

namespace Workers.ProviderSimulator.Tests.Apikley;

/// <summary>Per-account limits: 20 createTask per 10 s (code 429, not queued) and the running-task bound, under concurrency.</summary>
public sealed class ApikleyLimitTests
{
    [Fact]
    public async Task CreateTask_50ConcurrentFromOneAccount_Accepts20AndRefusesTheRestWithCode429()
    {
        await using var host = await SimulatorHost.StartAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            var (status, json) = await host.CreateRefusedAsync(Body());
            return (Status: status, Code: (int?)json["code"]);
        }));
        var other = await host.CreateRefusedAsync(Body(), "another-account");
        var counters = await host.Control.GetCountersAsync(SimulatedProviders.Apikley);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Equal(20, answers.Count(answer => answer.Code == 200));
        Assert.Equal(30, answers.Count(answer => answer.Code == 429));
        Assert.Equal(200, (int?)other.Body["code"]);
        Assert.Equal(21, counters.SubmissionsAccepted);
        Assert.Equal(30, counters.SubmissionsRejected[429]);
        Assert.Equal(21, (await host.Control.GetSubmissionsAsync(SimulatedProviders.Apikley)).Count);
    }

    [Fact]
    public async Task CreateTask_RateLimitedWithHttp429Configured_AnswersHttp429WithRetryAfter()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:CreateTaskLimit=1", "--Simulator:Apikley:RateLimitAsHttp429=true"]);
        await host.CreateOkAsync(Body());

        using var response = await host.CreateAsync(Body());

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(429, (int?)(await ReadJsonAsync(response))["code"]);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task PollsAndUploads_DoNotCountAgainstTheCreateTaskLimit()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:CreateTaskLimit=1"]);
        for (var i = 0; i < 5; i++)
        {
            await host.RecordAsync("task_sora-2-pro-storyboard_1");
            using var upload = new HttpRequestMessage(HttpMethod.Post, "/file-upload/api/file-base64-upload")
            {
                Content = JsonContent.Create(new { base64Data = "aGVsbG8=", uploadPath = "images" }),
            };
            Authorize(upload, ApiKey);
            using var uploaded = await host.Http.SendAsync(upload);
            Assert.Equal(200, (int?)(await ReadJsonAsync(uploaded))["code"]);
        }

        await host.CreateOkAsync(Body());
        var (_, refused) = await host.CreateRefusedAsync(Body());

        Assert.Equal(429, (int?)refused["code"]);
    }

    [Fact]
    public async Task CreateTask_LimitZero_TurnsTheRateLimitOff()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:CreateTaskLimit=0"]);

        for (var i = 0; i < 30; i++)
        {
            await host.CreateOkAsync(Body());
        }
    }

    [Fact]
    public async Task CreateTask_BeyondMaxRunningTasks_ReturnsCode429UntilOneEnds()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:MaxRunningTasks=3"]);
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.Apikley, DurationMs = 1000, Count = 1 });
        await host.CreateOkAsync(Body());

        // The others run for minutes (default durations): two slots are left for ten concurrent creates.
        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ => (int?)(await host.CreateRefusedAsync(Body())).Body["code"]));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var afterOneEnded = await host.CreateRefusedAsync(Body());
        var (_, full) = await host.CreateRefusedAsync(Body());

        Assert.Equal(2, answers.Count(code => code == 200));
        Assert.Equal(8, answers.Count(code => code == 429));
        Assert.Equal(200, (int?)afterOneEnded.Body["code"]);
        Assert.Equal(429, (int?)full["code"]);
    }
}
