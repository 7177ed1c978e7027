using Workers.Contracts;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet.Rows;

/// <summary>GenerateVideo → TopView image-to-video V2 (1–4 videos, each may fail on its own) through the whole fleet.</summary>
public sealed class TopViewVideoTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task GenerateVideo_TwoVideosFromAFirstFrame_CompletesWithBothVideosMeasuredFromTheFiles()
    {
        var command = Video("dolly", fleet) with { Count = 2 };

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId, TimeSpan.FromSeconds(90));

        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        Assert.Equal(2, completed.Artifacts.Count);
        Assert.All(completed.Artifacts, video =>
        {
            Assert.Equal((ArtifactRoles.Video, "video/mp4"), (video.Role, video.ContentType));
            Assert.Equal(5m, video.DurationSeconds);
            Assert.True(video.Width > 0 && video.Height > 0, $"{video.Width}x{video.Height}");
            Assert.Equal(720, Math.Min(video.Width!.Value, video.Height!.Value));
        });
        Assert.Null(completed.PartialFailures);
        Assert.Equal(CostSources.Reported, completed.Cost!.Source);
        Assert.Equal("credits", completed.Cost.Unit);
        Assert.True(completed.Cost.Amount > 0);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "topview", command.RequestId));
    }

    [Fact]
    public async Task GenerateVideo_OneVideoOfThreeFails_CompletesWithTwoVideosAPartialFailureAndTheCostReported()
    {
        var command = Video("partial", fleet) with { Count = 3 };
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "topview", PromptContains = Marker(command), Outcome = ScriptOutcome.PartialFailure, Message = "render node lost", DurationMs = 300,
        });
        var creditsBefore = (await fleet.Simulator.GetCountersAsync("topview")).CreditsCharged;

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        Assert.Equal([1, 2], completed.Artifacts.Select(a => a.Index));
        var failure = Assert.Single(completed.PartialFailures!);
        Assert.Equal((0, ArtifactRoles.Video), (failure.Index, failure.Role));
        Assert.Contains("render node lost", failure.Message, StringComparison.Ordinal);
        // The cost is what TopView reports for the two videos it made, which is what it charged.
        var charged = (await fleet.Simulator.GetCountersAsync("topview")).CreditsCharged - creditsBefore;
        Assert.Equal(new CreditCost { Amount = charged, Unit = "credits", Source = CostSources.Reported }, completed.Cost);
        var row = await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None);
        Assert.Single(row!.PartialFailures!);
    }

    [Fact]
    public async Task GenerateVideo_BreakingTheModelsRules_FailsWithEveryViolationAndReachesNoProvider()
    {
        var command = Video("invalid", fleet) with { Resolution = 480, Count = 5, Shots = [new VideoShot { Prompt = "x", DurationSeconds = 1 }] };

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.Validation);
        Assert.Contains("Resolution", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Count", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Shots", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "topview", command.RequestId));
    }

    [Fact]
    public async Task GenerateVideo_ProviderTaskFails_FailsWithTheProvidersMessageAndNoCharge()
    {
        var command = Video("doomed", fleet);
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "topview", PromptContains = Marker(command), Outcome = ScriptOutcome.Failed, Message = "encoder crashed", DurationMs = 200,
        });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.ProviderFailed);
        Assert.Contains("encoder crashed", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0m, failed.Cost?.Amount ?? 0m);
    }

    [Fact]
    public async Task GenerateVideo_InsufficientCredits_FailsWithTheProvidersCode()
    {
        var command = Video("broke", fleet);
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = Marker(command), Outcome = ScriptOutcome.InsufficientCredits });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.InsufficientCredits);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "topview", command.RequestId));
    }

    [Fact]
    public async Task GenerateVideo_ServerBusyOnce_IsRetriedAndPaidOnce()
    {
        var command = Video("busy", fleet);
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "topview", PromptContains = Marker(command), Count = 1, HttpStatus = 503, RetryAfterSeconds = 1,
        });

        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId, TimeSpan.FromSeconds(90));

        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "topview", command.RequestId));
        Assert.Equal(2, (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!.SubmitAttempts);
    }

    internal static GenerateVideo Video(string what, FleetFixture fleet)
    {
        var id = $"{what}-{Guid.NewGuid():N}";
        return new GenerateVideo
        {
            RequestId = id,
            Provider = ProviderNames.TopView,
            Model = "Seedance 1.5 Pro",
            Prompt = $"slow dolly-in on a {what} [{id}]",
            FirstFrameUrl = new Uri(fleet.SimulatorHttp.BaseAddress!, "_samples/reference-2.png").ToString(),
            Resolution = 720,
            DurationSeconds = 5,
            Tags = new Dictionary<string, string> { ["test"] = what },
        };
    }

    private static string Marker(GenerateVideo command) => $"[{command.RequestId}]";
}
