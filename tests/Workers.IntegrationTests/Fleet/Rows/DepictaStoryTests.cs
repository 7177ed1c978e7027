using Workers.Contracts;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet.Rows;

/// <summary>GenerateStoryboard → Depicta story (one image per scene, character portraits) through the whole fleet.</summary>
public sealed class DepictaStoryTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task GenerateStoryboard_ThreeScenes_CompletesWithScenesInOrderPortraitsProgressAndTheEuroCost()
    {
        var command = Story("friends");

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        Assert.Equal(
            [ArtifactRoles.Scene, ArtifactRoles.Scene, ArtifactRoles.Scene, ArtifactRoles.Character, ArtifactRoles.Character],
            completed.Artifacts.Select(a => a.Role));
        Assert.Equal(["Fox", "Owl"], completed.Artifacts.Where(a => a.Role == ArtifactRoles.Character).Select(a => a.Name));
        Assert.All(completed.Artifacts, a => Assert.StartsWith("image/", a.ContentType, StringComparison.Ordinal));
        Assert.Equal(new CreditCost { Amount = 0.135m, Unit = "EUR", Source = CostSources.Reported }, completed.Cost);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "depicta", command.RequestId));
        // Scene progress reaches the producer as it rises, each value once.
        var progress = fleet.Events.About(command.RequestId).OfType<GenerationProgressed>().ToList();
        Assert.All(progress, p => Assert.Equal(3, p.ItemsTotal));
        Assert.Equal(progress.Count, progress.Select(p => (p.ProviderStatus, p.ItemsCompleted)).Distinct().Count());
    }

    [Fact]
    public async Task GenerateStoryboard_BrokenStory_FailsWithEveryViolationAndReachesNoProvider()
    {
        var command = Story("invalid") with
        {
            Scenes = [new StoryScene { Prompt = "alone", Characters = [new SceneCharacter { Name = "Bear" }], Location = "Moon" }],
            GridSize = 9,
        };

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.Validation);
        foreach (var mentioned in new[] { "Scenes", "Bear", "Moon", "GridSize" })
        {
            Assert.Contains(mentioned, failed.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "depicta", command.RequestId));
    }

    [Fact]
    public async Task GenerateStoryboard_ProviderJobFails_FailsWithTheProvidersMessage()
    {
        var command = Story("doomed");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "depicta", PromptContains = Marker(command), Outcome = ScriptOutcome.Failed, Message = "renderer crashed", DurationMs = 200,
        });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.ProviderFailed);
        Assert.Contains("renderer crashed", failed.Message, StringComparison.Ordinal);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "depicta", command.RequestId));
    }

    [Fact]
    public async Task GenerateStoryboard_InsufficientCredits_FailsWithTheProvidersCode()
    {
        var command = Story("broke");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "depicta", PromptContains = Marker(command), Outcome = ScriptOutcome.InsufficientCredits });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.InsufficientCredits);
        Assert.Equal("credit_insufficient", failed.ProviderCode);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "depicta", command.RequestId));
    }

    [Fact]
    public async Task GenerateStoryboard_RateLimitedOnce_IsRetriedAndPaidOnce()
    {
        var command = Story("throttled");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "depicta", PromptContains = Marker(command), Count = 1, HttpStatus = 429, RetryAfterSeconds = 1,
        });

        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "depicta", command.RequestId));
        Assert.Equal(2, (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!.SubmitAttempts);
    }

    [Fact]
    public async Task GenerateStoryboard_ConnectionDroppedAfterAcceptance_IsFoundInTheJobListAndCompletesPaidOnce()
    {
        var command = Story("dropped");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "depicta", PromptContains = Marker(command), Outcome = ScriptOutcome.AcceptThenDrop, DurationMs = 300,
        });

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        // Not unknown_outcome: Depicta lists its jobs, so the fleet found the one it had paid for and followed it.
        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "depicta", command.RequestId));
        var submission = Assert.Single(await fleet.Simulator.GetSubmissionsAsync("depicta", clientReference: command.RequestId));
        Assert.Equal(submission.TaskId, completed.ProviderTaskId);
    }

    internal static GenerateStoryboard Story(string what)
    {
        var id = $"{what}-{Guid.NewGuid():N}";
        return new GenerateStoryboard
        {
            RequestId = id,
            Provider = ProviderNames.Depicta,
            Model = "depicta-story-1",
            Story = $"A fox and an owl become {what} [{id}]",
            Style = "watercolour",
            Characters =
            [
                new StoryCharacter { Name = "Fox", Appearance = "a small red fox" },
                new StoryCharacter { Name = "Owl", Appearance = "a grey owl" },
            ],
            Scenes =
            [
                new StoryScene { Prompt = "Fox meets Owl", Characters = [new SceneCharacter { Name = "Fox" }, new SceneCharacter { Name = "Owl" }] },
                new StoryScene { Prompt = "They cross a river" },
                new StoryScene { Prompt = "They share tea" },
            ],
            Tags = new Dictionary<string, string> { ["test"] = what },
        };
    }

    private static string Marker(GenerateStoryboard command) => $"[{command.RequestId}]";
}
