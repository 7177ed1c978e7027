using System.Net;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.TopView.TopViewCalls;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary>Scripted outcomes (matched on the story or the prompt) and injected faults, in TopView's envelope.</summary>
public sealed class TopViewScriptAndFaultTests
{
    private const string Marker = "[tv-marker]";

    [Fact]
    public async Task Failed_EndsAsFailWithTheMessage_AndCostsNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.TopView, PromptContains = Marker, Outcome = ScriptOutcome.Failed, Message = "upstream exploded", DurationMs = 1000,
        });
        var taskId = await host.SubmitOkAsync(StoryboardPath, Storyboard(("story", $"a fox {Marker}")));

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var result = await host.QueryOkAsync(StoryboardPath, taskId);

        Assert.Equal("fail", (string?)result["status"]);
        Assert.Equal("upstream exploded", (string?)result["errorMsg"]);
        Assert.Empty(result["images"]!.AsArray());
        Assert.Equal(0m, (decimal)result["costCredit"]!);
        Assert.Equal(0m, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).CreditsCharged);
    }

    [Fact]
    public async Task ContentPolicy_MatchesThePrompt_AndFailsWithA6001Message()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.TopView, PromptContains = Marker, Outcome = ScriptOutcome.ContentPolicy, DurationMs = 0,
        });
        var untouched = await host.SubmitOkAsync(VideoPath, ImageToVideo());
        var taskId = await host.SubmitOkAsync(VideoPath, ImageToVideo(("prompt", $"dolly {Marker}")));

        var result = await host.QueryOkAsync(VideoPath, taskId);

        Assert.Equal("fail", (string?)result["status"]);
        Assert.Contains("6001", (string?)result["errorMsg"], StringComparison.Ordinal);
        Assert.Equal("init", (string?)(await host.QueryOkAsync(VideoPath, untouched))["status"]);
    }

    [Fact]
    public async Task InsufficientCredits_Returns4100WithoutCreatingATask()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, Outcome = ScriptOutcome.InsufficientCredits });

        using var response = await host.SubmitAsync(StoryboardPath, Storyboard());

        await ErrorAsync(response, "4100");
        Assert.Empty(await host.Control.GetSubmissionsAsync(SimulatedProviders.TopView));
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).SubmissionsRejected[402]);
    }

    [Fact]
    public async Task Stuck_StaysRunningForever()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, Outcome = ScriptOutcome.Stuck, DurationMs = 0 });
        var taskId = await host.SubmitOkAsync(VideoPath, ImageToVideo());

        host.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal("running", (string?)(await host.QueryOkAsync(VideoPath, taskId))["status"]);
    }

    [Fact]
    public async Task AcceptThenDrop_CreatesAndChargesTheTask_ButDropsTheConnection()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, Outcome = ScriptOutcome.AcceptThenDrop });

        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var response = await host.SubmitAsync(StoryboardPath, Storyboard(("resolution", "4K")));
            await response.Content.ReadAsStringAsync();
        });

        var submission = Assert.Single(await host.Control.GetSubmissionsAsync(SimulatedProviders.TopView));
        Assert.Equal(Uid, submission.Account);
        Assert.Equal("nano-banana-pro", submission.Model);
        Assert.Equal(3m, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).CreditsCharged);
    }

    [Fact]
    public async Task HttpStatus429_RejectsWithRetryAfterInTheEnvelope()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, Count = 1, HttpStatus = 429, RetryAfterSeconds = 7 });

        using var rejected = await host.SubmitAsync(VideoPath, ImageToVideo());
        using var next = await host.SubmitAsync(VideoPath, ImageToVideo());

        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("7", rejected.Headers.GetValues("Retry-After").Single());
        var json = await Workers.ProviderSimulator.Tests.UniAll.UniAllCalls.ReadJsonAsync(rejected);
        Assert.Equal("5003", (string?)json["code"]);
        Assert.Null(json["result"]);
        await ResultOkAsync(next);
    }

    [Fact]
    public async Task Submission_RecordsUidModelPromptCountAndClientReference()
    {
        await using var host = await SimulatorHost.StartAsync();
        var body = ImageToVideo(("model", "kling-v3"), ("prompt", $"ref {Marker}"), ("generatingCount", 3));
        using var request = new HttpRequestMessage(HttpMethod.Post, VideoPath + "/submit")
        {
            Content = new StringContent(body.Replace(NewImage, await host.UploadAsync(), StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Topview-Uid", Uid);
        request.Headers.Add("Authorization", "Bearer " + ApiKey);
        request.Headers.Add("X-Client-Reference", "req-42");
        using var response = await host.Http.SendAsync(request);
        var taskId = (string)(await ResultOkAsync(response))["taskId"]!;

        var submission = Assert.Single(await host.Control.GetSubmissionsAsync(SimulatedProviders.TopView, Marker));

        Assert.Equal((taskId, Uid, "kling-v3", $"ref {Marker}", 3, "req-42"), (submission.TaskId, submission.Account, submission.Model, submission.Prompt, submission.N, submission.ClientReference));
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).SubmissionsByAccount[Uid]);
    }

    [Fact]
    public async Task Faults_AtRateOne_AnswerEveryCallInTheEnvelope_AndCreateNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.SetFaultsAsync(new FaultInjection { Provider = SimulatedProviders.TopView, ErrorRate = 1, Statuses = [503], RetryAfterSeconds = 2 });

        for (var i = 0; i < 5; i++)
        {
            using var submit = await host.SubmitAsync(StoryboardPath, Storyboard());
            using var query = await host.SendAsync(HttpMethod.Get, $"{VideoPath}/query?taskId=x");
            foreach (var response in new[] { submit, query })
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("2", response.Headers.GetValues("Retry-After").Single());
                Assert.Equal("5003", (string?)(await Workers.ProviderSimulator.Tests.UniAll.UniAllCalls.ReadJsonAsync(response))["code"]);
            }
        }

        Assert.Empty(await host.Control.GetSubmissionsAsync(SimulatedProviders.TopView));
        Assert.Equal(10, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).FaultsInjected);
    }
}
