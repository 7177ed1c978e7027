using System.Net;
using Microsoft.AspNetCore.TestHost;
using Workers.ProviderSimulator.Control;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.Apikley.ApikleyCalls;

namespace Workers.ProviderSimulator.Tests.Apikley;

/// <summary>Every code of seed 001's table is reachable (401 and 422 are in the validation tests, 429 in the limit tests).</summary>
public sealed class ApikleyCodeTableTests
{
    [Fact]
    public async Task CreateTask_BalanceBelowThePrice_ReturnsCode402AndCreatesNothing()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:Balances:poor=224"]);

        var (status, json) = await host.CreateRefusedAsync(Body(), "poor");
        var (_, tenSeconds) = await host.CreateRefusedAsync(Body(("input.n_frames", "10"), ("input.shots", Shots(10))), "poor");
        var counters = await host.Control.GetCountersAsync(SimulatedProviders.Apikley);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(402, (int?)json["code"]);
        Assert.Equal(200, (int?)tenSeconds["code"]);
        Assert.Equal(1, counters.SubmissionsRejected[402]);
        Assert.Equal(1, counters.SubmissionsAccepted);
    }

    [Fact]
    public async Task CreateTask_ScriptedInsufficientCredits_ReturnsCode402()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.Apikley, Outcome = ScriptOutcome.InsufficientCredits });

        var (status, json) = await host.CreateRefusedAsync(Body());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(402, (int?)json["code"]);
        Assert.Empty(await host.Control.GetSubmissionsAsync(SimulatedProviders.Apikley));
    }

    [Fact]
    public async Task EveryCall_InMaintenance_ReturnsCode455()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:Maintenance=true"]);

        var (_, create) = await host.CreateRefusedAsync(Body());
        var (_, record) = await host.RecordAsync("task_sora-2-pro-storyboard_1");

        Assert.Equal(455, (int?)create["code"]);
        Assert.Equal(455, (int?)record["code"]);
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.Apikley)).SubmissionsRejected[503]);
    }

    [Fact]
    public async Task CreateTask_FeatureDisabled_ReturnsCode505()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:FeatureDisabled=true"]);

        var (status, json) = await host.CreateRefusedAsync(Body());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(505, (int?)json["code"]);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(501)]
    [InlineData(429)]
    public async Task CreateTask_ScriptedHttpStatus_AnswersThatStatusAndCode(int code)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.Apikley, HttpStatus = code, Message = "scripted" });

        using var response = await host.CreateAsync(Body());
        var json = await ReadJsonAsync(response);

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal(code, (int?)json["code"]);
        Assert.Equal("scripted", (string?)json["msg"]);
        Assert.Equal(code == 429 ? "1" : null, response.Headers.RetryAfter?.ToString());
        Assert.Empty(await host.Control.GetSubmissionsAsync(SimulatedProviders.Apikley));
    }

    [Theory]
    [InlineData(FaultTarget.Submit, 500)]
    [InlineData(FaultTarget.Submit, 503)]
    [InlineData(FaultTarget.Poll, 500)]
    public async Task InjectedFault_EveryCallAnswersTheStatusInApikleysFormat_AndCreatesNothing(FaultTarget target, int status)
    {
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await host.CreateOkAsync(Body());
        await host.Control.SetFaultsAsync(new FaultInjection
        {
            Provider = SimulatedProviders.Apikley, ErrorRate = 1, Statuses = [status], Target = target, RetryAfterSeconds = 3,
        });

        for (var i = 0; i < 5; i++)
        {
            using var response = target == FaultTarget.Submit
                ? await host.CreateAsync(Body())
                : await host.Http.GetAsync($"/api/v1/jobs/recordInfo?taskId={taskId}");
            var json = await ReadJsonAsync(response);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(status, (int?)json["code"]);
            Assert.False(string.IsNullOrEmpty((string?)json["msg"]));
            Assert.Equal(status == 503 ? "3" : null, response.Headers.RetryAfter?.ToString());
        }

        var counters = await host.Control.GetCountersAsync(SimulatedProviders.Apikley);
        Assert.Equal(1, counters.SubmissionsAccepted);
        Assert.Equal(5, counters.FaultsInjected);
    }

    [Fact]
    public async Task CreateTask_AcceptThenDrop_AbortsButTheTaskExistsAndIsCharged()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.Apikley, Outcome = ScriptOutcome.AcceptThenDrop, DurationMs = 0 });

        await Assert.ThrowsAnyAsync<Exception>(() => host.CreateAsync(Body()));
        var submission = Assert.Single(await host.Control.GetSubmissionsAsync(SimulatedProviders.Apikley));
        var record = await host.RecordOkAsync(submission.TaskId);

        Assert.Equal("success", (string?)record["state"]);
        Assert.Equal(225m, (await host.Control.GetCountersAsync(SimulatedProviders.Apikley)).CreditsCharged);
    }

    [Fact]
    public async Task CreateTask_Script_MatchesTheScenesJoinedWithNewlines()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.Apikley, PromptContains = "scene 1\nscene 2", Outcome = ScriptOutcome.Failed, DurationMs = 0,
        });

        var marked = await host.CreateOkAsync(Body());
        var other = await host.CreateOkAsync(Body(("input.shots", Shots(5))));
        var submission = (await host.Control.GetSubmissionsAsync(SimulatedProviders.Apikley))[0];

        Assert.Equal("fail", (string?)(await host.RecordOkAsync(marked))["state"]);
        Assert.NotEqual("fail", (string?)(await host.RecordOkAsync(other))["state"]);
        Assert.Equal("scene 1\nscene 2", submission.Prompt);
        Assert.Equal(ApiKey, submission.Account);
        Assert.Equal("sora-2-pro-storyboard", submission.Model);
    }

    [Fact]
    public async Task CreateTask_SubmitLatency_HoldsTheAnswerUntilTheClockHasMovedThatFar()
    {
        var (app, clock) = await FakeTimeSimulator.StartAsync();
        await using var _ = app;
        using var http = app.GetTestClient();
        await new SimulatorControlClient(http).AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.Apikley, SubmitLatencyMs = 150 });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs/createTask")
        {
            Content = new StringContent(Body(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);

        var answer = http.SendAsync(request);
        var waited = await FakeTimeSimulator.AdvanceUntilAsync(clock, answer);

        using var response = await answer;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.InRange(waited, TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(250));
    }
}
