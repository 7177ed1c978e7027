using Workers.Contracts;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet.Rows;

/// <summary>GenerateStoryboard → TopView storyboard (one grid image) through the whole fleet.</summary>
public sealed class TopViewStoryboardTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task GenerateStoryboard_WithAReference_UploadsItAndCompletesWithOneGridAndTheReportedCost()
    {
        var command = Storyboard("lantern") with { ReferenceImageUrls = [new Uri(fleet.SimulatorHttp.BaseAddress!, "_samples/reference-1.png").ToString()] };

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        var grid = Assert.Single(completed.Artifacts);
        Assert.Equal((ArtifactRoles.Grid, "image/png"), (grid.Role, grid.ContentType));
        Assert.Equal(1024, Math.Max(grid.Width ?? 0, grid.Height ?? 0));
        Assert.Equal(new CreditCost { Amount = 1m, Unit = "credits", Source = CostSources.Reported }, completed.Cost);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "topview", command.RequestId));
        // The reference went to TopView as an uploaded file id, kept on the row for a resumed preparation.
        var row = await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None);
        Assert.Single(row!.Prepared);
    }

    [Fact]
    public async Task GenerateStoryboard_BreakingSeveralRules_FailsWithEveryViolationAndReachesNoProvider()
    {
        var command = Storyboard("invalid") with { Resolution = "512p", GridMode = "preset", GridSize = 7, Story = new string('x', 5001) };

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.Validation);
        Assert.Contains("Resolution", failed.Message, StringComparison.Ordinal);
        Assert.Contains("GridSize", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Story", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "topview", command.RequestId));
    }

    [Fact]
    public async Task GenerateStoryboard_ProviderTaskFails_FailsWithTheProvidersMessage()
    {
        var command = Storyboard("doomed");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "topview", PromptContains = Marker(command), Outcome = ScriptOutcome.Failed, Message = "planner crashed", DurationMs = 200,
        });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.ProviderFailed);
        Assert.Contains("planner crashed", failed.Message, StringComparison.Ordinal);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "topview", command.RequestId));
    }

    [Fact]
    public async Task GenerateStoryboard_InsufficientCredits_FailsWithTheProvidersCode()
    {
        var command = Storyboard("broke");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = Marker(command), Outcome = ScriptOutcome.InsufficientCredits });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.InsufficientCredits);
        Assert.Equal("4100", failed.ProviderCode);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "topview", command.RequestId));
    }

    [Fact]
    public async Task GenerateStoryboard_RateLimitedOnce_IsRetriedAndPaidOnce()
    {
        var command = Storyboard("throttled");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "topview", PromptContains = Marker(command), Count = 1, HttpStatus = 429, RetryAfterSeconds = 1,
        });

        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "topview", command.RequestId));
        Assert.Equal(2, (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!.SubmitAttempts);
    }

    internal static GenerateStoryboard Storyboard(string what)
    {
        var id = $"{what}-{Guid.NewGuid():N}";
        return new GenerateStoryboard
        {
            RequestId = id,
            Provider = ProviderNames.TopView,
            Model = "Nano Banana Pro",
            Story = $"A fox finds a {what} in the snow [{id}]",
            Resolution = "1K",
            Tags = new Dictionary<string, string> { ["test"] = what },
        };
    }

    private static string Marker(GenerateStoryboard command) => $"[{command.RequestId}]";
}
