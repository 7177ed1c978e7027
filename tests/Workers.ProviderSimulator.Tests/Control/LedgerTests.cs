using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.Control;

/// <summary>Submissions list, counters and reset: what a fleet test reads to prove it never paid twice.</summary>
public sealed class LedgerTests
{
    [Fact]
    public async Task Submissions_ListsAcceptedOnes_FilteredByPromptText()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.SubmitOkAsync(Gpt(("prompt", "request-A: a cat"), ("n", 4)));
        await host.SubmitOkAsync(Gpt(("prompt", "request-A: a cat")));
        await host.SubmitOkAsync(Nano(overrides: ("prompt", "request-B: a dog")));
        using var rejected = await host.SubmitAsync(Gpt(("prompt", "request-A: a cat"), ("n", 9)));

        var forA = await host.Control.GetSubmissionsAsync(SimulatedProviders.UniAll, "request-A");
        var all = await host.Control.GetSubmissionsAsync();

        Assert.Equal(2, forA.Count);
        Assert.Equal(3, all.Count);
        Assert.Equal(4, forA[0].N);
        Assert.All(all, s => Assert.Equal(SimulatedProviders.UniAll, s.Provider));
        Assert.All(all, s => Assert.Equal(host.Clock.GetUtcNow(), s.CreatedAt));
        Assert.Equal("NanoBanana2-1K", Assert.Single(await host.Control.GetSubmissionsAsync(promptContains: "request-B")).Model);
    }

    [Fact]
    public async Task Counters_CountAcceptedRejectedByStatusPollsAndDownloads()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, DurationMs = 0 });
        var taskId = await host.SubmitOkAsync(Gpt(("n", 2)));
        using var invalid1 = await host.SubmitAsync(Gpt(("n", 0)));
        using var invalid2 = await host.SubmitAsync(Gpt(("size", null)));
        using var unauthorised = await host.SubmitAsync(Gpt(), apiKey: null);
        var task = await host.QueryOkAsync(taskId);
        using var unknown = await host.QueryAsync("task_unknown");
        foreach (var url in task["metadata"]!["result_urls"]!.AsArray())
        {
            using var download = await host.Http.GetAsync(new Uri((string)url!));
        }

        var counters = await host.Control.GetCountersAsync(SimulatedProviders.UniAll);

        Assert.Equal(1, counters.SubmissionsAccepted);
        Assert.Equal(new Dictionary<int, long> { [400] = 2, [401] = 1 }, counters.SubmissionsRejected);
        Assert.Equal(2, counters.Polls);
        Assert.Equal(2, counters.Downloads);
    }

    [Fact]
    public async Task Reset_ForgetsTasksScriptsSubmissionsAndCounters()
    {
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await host.SubmitOkAsync(Gpt());
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, HttpStatus = 503 });

        await host.Control.ResetAsync();
        using var query = await host.QueryAsync(taskId);
        using var submit = await host.SubmitAsync(Gpt());
        var counters = await host.Control.GetCountersAsync(SimulatedProviders.UniAll);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, query.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, submit.StatusCode);
        Assert.Single(await host.Control.GetSubmissionsAsync());
        Assert.Empty(await host.Control.GetScriptsAsync());
        Assert.Equal((1, 1, 0), (counters.SubmissionsAccepted, counters.Polls, counters.Downloads));
        Assert.Empty(counters.SubmissionsRejected);
    }

    [Fact]
    public async Task Counters_ListEveryProviderEvenUnused()
    {
        await using var host = await SimulatorHost.StartAsync();

        var counters = await host.Control.GetCountersAsync();

        Assert.Equal(SimulatedProviders.All, counters.Keys);
        Assert.Equal(0, counters[SimulatedProviders.UniAll].SubmissionsAccepted);
    }
}
