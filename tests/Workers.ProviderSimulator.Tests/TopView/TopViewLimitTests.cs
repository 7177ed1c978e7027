using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.TopView.TopViewCalls;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary>The per-uid unfinished-task guard (4007) and credits (4100, <c>/user/credit/detail</c>).</summary>
public sealed class TopViewLimitTests
{
    [Fact]
    public async Task Submit_ConcurrentlyAboveTheUnfinishedLimit_AdmitsExactlyTheLimitPerUid()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:TopView:MaxUnfinishedTasksPerUid=3"]);
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 10_000 });

        var codes = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await host.SubmitAsync(StoryboardPath, Storyboard(), uid: i % 2 == 0 ? "uid-even" : "uid-odd");
            return (string?)(await Workers.ProviderSimulator.Tests.UniAll.UniAllCalls.ReadJsonAsync(response))["code"];
        }));

        Assert.Equal(6, codes.Count(code => code == "200"));
        Assert.Equal(34, codes.Count(code => code == "4007"));
        var counters = await host.Control.GetCountersAsync(SimulatedProviders.TopView);
        Assert.Equal(3, counters.SubmissionsByAccount["uid-even"]);
        Assert.Equal(3, counters.SubmissionsByAccount["uid-odd"]);
        Assert.Equal(34, counters.SubmissionsRejected[429]);
    }

    [Fact]
    public async Task Submit_AfterUnfinishedTasksEnd_IsAdmittedAgain_ButStuckTasksKeepTheirSlot()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:TopView:MaxUnfinishedTasksPerUid=2"]);
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, Count = 1, Outcome = ScriptOutcome.Stuck });
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 1000 });
        await host.SubmitOkAsync(VideoPath, ImageToVideo());
        await host.SubmitOkAsync(VideoPath, ImageToVideo());

        using var refused = await host.SubmitAsync(VideoPath, ImageToVideo());
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        using var admitted = await host.SubmitAsync(VideoPath, ImageToVideo());
        using var refusedAgain = await host.SubmitAsync(VideoPath, ImageToVideo());

        await ErrorAsync(refused, "4007");
        await ResultOkAsync(admitted);
        await ErrorAsync(refusedAgain, "4007");
    }

    [Fact]
    public async Task Credits_StartAtTheConfiguredBalance_AreSpentBySucceedingTasks_AndRunOutWith4100()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:TopView:StartingCreditsByUid:uid-poor=5"]);
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 0 });

        var before = await CreditAsync(host, "uid-poor");
        await host.SubmitOkAsync(StoryboardPath, Storyboard(("resolution", "4K")), "uid-poor");
        await host.SubmitOkAsync(StoryboardPath, Storyboard(("resolution", "2K")), "uid-poor");
        using var refused = await host.SubmitAsync(StoryboardPath, Storyboard(("resolution", "1K")), "uid-poor");
        var after = await CreditAsync(host, "uid-poor");

        Assert.Equal(5m, before);
        await ErrorAsync(refused, "4100");
        Assert.Equal(0m, after);
        Assert.Equal(10_000m, await CreditAsync(host, "uid-rich"));
        Assert.Equal(5m, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).CreditsCharged);
    }

    [Fact]
    public async Task Credits_AreRestoredByReset()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.SubmitOkAsync(StoryboardPath, Storyboard(("resolution", "4K")));

        var spent = await CreditAsync(host, Uid);
        await host.Control.ResetAsync();

        Assert.Equal(9_997m, spent);
        Assert.Equal(10_000m, await CreditAsync(host, Uid));
    }

    private static async Task<decimal> CreditAsync(SimulatorHost host, string uid)
    {
        using var response = await host.SendAsync(HttpMethod.Get, "/user/credit/detail", uid: uid);
        var result = await ResultOkAsync(response);
        Assert.True((long)result["expiredTime"]! > 0);
        return (decimal)result["remainCredit"]!;
    }
}
