using System.Net;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.Depicta.DepictaCalls;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.Depicta;

/// <summary>Scripted outcomes, injected faults, credit and the control ledger, as a fleet test uses them with Depicta.</summary>
public sealed class DepictaOutcomeTests
{
    private const string Marker = "[depicta-7c1e]";

    [Fact]
    public async Task Script_MatchesTheOverallAndEverySceneprompt()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script() with { PromptContains = "scene 2 prompt\nscene 3 prompt", HttpStatus = 503 });

        using var matched = await host.SubmitAsync(Story(("scenes", Scenes(3))));
        using var unmatched = await host.SubmitAsync(Story(("scenes", Scenes(2))));
        var submission = Assert.Single(await host.Control.GetSubmissionsAsync(SimulatedProviders.Depicta));

        await ErrorAsync(matched, HttpStatusCode.ServiceUnavailable, "service_unavailable");
        Assert.Equal(HttpStatusCode.Accepted, unmatched.StatusCode);
        Assert.Equal("A fox and an owl become friends\nscene 1 prompt\nscene 2 prompt", submission.Prompt);
        Assert.Equal(2, submission.N);
        Assert.Equal(Model, submission.Model);
        Assert.Equal(ApiKey, submission.Account);
    }

    [Fact]
    public async Task Failed_EndsTheJobFailedWithErrorCodeAndMessage_AndCostsNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script(durationMs: 2000) with { PromptContains = Marker, Outcome = ScriptOutcome.Failed, Message = "renderer crashed" });
        var jobId = await host.SubmitOkAsync(Story(("prompt", Marker)));

        var running = await host.PollOkAsync(jobId);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var failed = await host.PollOkAsync(jobId);

        Assert.Null(running["error"]);
        Assert.Equal("failed", (string?)failed["status"]);
        Assert.Equal("generation_failed", (string?)failed["error"]!["code"]);
        Assert.Equal("renderer crashed", (string?)failed["error"]!["message"]);
        Assert.Null(failed["result"]);
        Assert.Null(failed["cost_eur"]);
        Assert.True((int?)failed["scenes_completed"] < 2);
        Assert.Equal(0m, (await host.Control.GetCountersAsync(SimulatedProviders.Depicta)).CreditsCharged);
    }

    [Fact]
    public async Task ContentPolicy_RejectsAtSubmitWith403ContentRejected_ByDefault()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script() with { Outcome = ScriptOutcome.ContentPolicy });

        using var response = await host.SubmitAsync(Story());

        await ErrorAsync(response, HttpStatusCode.Forbidden, "content_rejected");
        Assert.Empty(await host.Control.GetSubmissionsAsync(SimulatedProviders.Depicta));
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.Depicta)).SubmissionsRejected[403]);
    }

    [Fact]
    public async Task ContentPolicy_WhenNotRejectedAtSubmit_FailsTheJobWithContentRejected()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Depicta:RejectContentAtSubmit=false"]);
        await host.Control.AddScriptAsync(Script() with { Outcome = ScriptOutcome.ContentPolicy });
        var jobId = await host.SubmitOkAsync(Story());

        var job = await host.PollOkAsync(jobId);

        Assert.Equal("failed", (string?)job["status"]);
        Assert.Equal("content_rejected", (string?)job["error"]!["code"]);
    }

    [Fact]
    public async Task InsufficientCredits_Rejects402CreditInsufficient_WithoutAJob()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script() with { Outcome = ScriptOutcome.InsufficientCredits });

        using var response = await host.SubmitAsync(Story());

        await ErrorAsync(response, HttpStatusCode.PaymentRequired, "credit_insufficient");
        Assert.Empty(await host.Control.GetSubmissionsAsync(SimulatedProviders.Depicta));
    }

    [Fact]
    public async Task HttpStatus429_RejectsRateLimitedWithRetryAfter()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script() with { Count = 1, HttpStatus = 429, RetryAfterSeconds = 7 });

        using var first = await host.SubmitAsync(Story());
        using var second = await host.SubmitAsync(Story());

        await ErrorAsync(first, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(TimeSpan.FromSeconds(7), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
    }

    [Theory]
    [InlineData(500, "internal_error")]
    [InlineData(502, "upstream_error")]
    [InlineData(451, "content_unavailable_legal")]
    [InlineData(409, "conflict")]
    public async Task HttpStatus_RejectsWithDepictasCodeForIt(int status, string code)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script() with { HttpStatus = status });

        using var response = await host.SubmitAsync(Story());

        await ErrorAsync(response, (HttpStatusCode)status, code);
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.Depicta)).SubmissionsRejected[status]);
    }

    [Fact]
    public async Task Stuck_StaysProcessingOneImageShort()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script(durationMs: 1000) with { Outcome = ScriptOutcome.Stuck });
        var jobId = await host.SubmitOkAsync(Story(("scenes", Scenes(3))));

        host.Clock.Advance(TimeSpan.FromDays(3));
        var job = await host.PollOkAsync(jobId);

        Assert.Equal("processing", (string?)job["status"]);
        Assert.Equal(2, (int?)job["scenes_completed"]);
        Assert.Equal(0m, (await host.Control.GetCountersAsync(SimulatedProviders.Depicta)).CreditsCharged);
    }

    [Fact]
    public async Task AcceptThenDrop_AbortsTheResponse_ButTheJobIsChargedAndListed()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script() with { Outcome = ScriptOutcome.AcceptThenDrop });

        await Assert.ThrowsAnyAsync<Exception>(() => host.SubmitAsync(Story()));
        var submission = Assert.Single(await host.Control.GetSubmissionsAsync(SimulatedProviders.Depicta));
        using var list = await host.GetAsync("/v1/jobs");
        var listed = Assert.Single((await ReadJsonAsync(list))["jobs"]!.AsArray());
        var counters = await host.Control.GetCountersAsync(SimulatedProviders.Depicta);

        Assert.Equal(submission.TaskId, (string?)listed!["id"]);
        Assert.Equal("completed", (string?)(await host.PollOkAsync(submission.TaskId))["status"]);
        Assert.Equal(1, counters.SubmissionsAccepted);
        Assert.Equal(0.09m, counters.CreditsCharged);
    }

    [Fact]
    public async Task Counters_CountAcceptedRejectedPollsAndCredits()
    {
        await using var host = await SimulatorHost.StartAsync();
        var jobId = await host.SubmitOkAsync(Story(("scenes", Scenes(4))));
        using var invalid = await host.SubmitAsync(Story(("scenes", Scenes(1))));
        using var incapable = await host.SubmitAsync(Story(("model", "depicta-image-1")));
        using var unauthorised = await host.SubmitAsync(Story(), apiKey: null);
        await host.PollOkAsync(jobId);
        await host.PollOkAsync(jobId);

        var counters = await host.Control.GetCountersAsync(SimulatedProviders.Depicta);

        Assert.Equal(1, counters.SubmissionsAccepted);
        Assert.Equal(1, counters.SubmissionsByAccount[ApiKey]);
        Assert.Equal(new Dictionary<int, long> { [400] = 1, [401] = 1, [422] = 1 }, counters.SubmissionsRejected);
        Assert.Equal(2, counters.Polls);
        Assert.Equal(0.18m, counters.CreditsCharged);
    }

    [Fact]
    public async Task Balance_BelowOneCent_Rejects402_AndConfiguredPriceAndBalanceAreUsed()
    {
        await using var host = await SimulatorHost.StartAsync([
            "--Simulator:Depicta:PricePerSceneImageEur=0.10",
            "--Simulator:Depicta:BalancesEur:dpct_poor=0.205",
            "--Simulator:Depicta:BalancesEur:dpct_broke=0.009"]);
        await host.Control.AddScriptAsync(Script());

        var jobId = await host.SubmitOkAsync(Story(), apiKey: "dpct_poor");
        using var overBudget = await host.SubmitAsync(Story(), apiKey: "dpct_poor");
        using var broke = await host.SubmitAsync(Story(), apiKey: "dpct_broke");
        var job = await host.PollOkAsync(jobId, apiKey: "dpct_poor");

        Assert.Equal("0.200000", (string?)job["cost_eur"]);
        Assert.Equal("0.005000", (string?)job["balance_eur"]);
        await ErrorAsync(overBudget, HttpStatusCode.PaymentRequired, "credit_insufficient");
        await ErrorAsync(broke, HttpStatusCode.PaymentRequired, "credit_insufficient");
        Assert.Equal(2, (await host.Control.GetCountersAsync(SimulatedProviders.Depicta)).SubmissionsRejected[402]);
    }

    [Fact]
    public async Task Reset_RestoresTheBalance()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Depicta:BalancesEur:dpct_poor=0.09"]);
        await host.SubmitOkAsync(Story(), apiKey: "dpct_poor");
        using var spent = await host.SubmitAsync(Story(), apiKey: "dpct_poor");

        await host.Control.ResetAsync();
        using var again = await host.SubmitAsync(Story(), apiKey: "dpct_poor");

        Assert.Equal(HttpStatusCode.PaymentRequired, spent.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task FaultOnSubmit_AnswersEveryCallInDepictasFormat_AndCreatesNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.SetFaultsAsync(new FaultInjection
        {
            Provider = SimulatedProviders.Depicta, Target = FaultTarget.Submit, ErrorRate = 1, Statuses = [503], RetryAfterSeconds = 4,
        });

        for (var i = 0; i < 3; i++)
        {
            using var response = await host.SubmitAsync(Story());
            await ErrorAsync(response, HttpStatusCode.ServiceUnavailable, "service_unavailable");
            Assert.Equal(TimeSpan.FromSeconds(4), response.Headers.RetryAfter?.Delta);
        }

        var counters = await host.Control.GetCountersAsync(SimulatedProviders.Depicta);
        Assert.Empty(await host.Control.GetSubmissionsAsync(SimulatedProviders.Depicta));
        Assert.Equal(3, counters.FaultsInjected);
        Assert.Equal(0, counters.SubmissionsAccepted);
    }

    [Fact]
    public async Task FaultOnPoll_AnswersPollsInDepictasFormat_AndLeavesSubmitsAlone()
    {
        await using var host = await SimulatorHost.StartAsync();
        var jobId = await host.SubmitOkAsync(Story());
        await host.Control.SetFaultsAsync(new FaultInjection
        {
            Provider = SimulatedProviders.Depicta, Target = FaultTarget.Poll, ErrorRate = 1, Statuses = [500],
        });

        using var poll = await host.GetAsync($"/v1/jobs/{jobId}");
        using var list = await host.GetAsync("/v1/jobs");

        await ErrorAsync(poll, HttpStatusCode.InternalServerError, "internal_error");
        await ErrorAsync(list, HttpStatusCode.InternalServerError, "internal_error");
        await host.SubmitOkAsync(Story());
    }

    [Fact]
    public async Task FaultHang_DropsTheConnection_AndCreatesNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.SetFaultsAsync(new FaultInjection
        {
            Provider = SimulatedProviders.Depicta, Target = FaultTarget.Submit, TimeoutRate = 1, TimeoutMs = 10,
        });

        await Assert.ThrowsAnyAsync<Exception>(() => host.SubmitAsync(Story()));

        Assert.Empty(await host.Control.GetSubmissionsAsync(SimulatedProviders.Depicta));
    }
}
