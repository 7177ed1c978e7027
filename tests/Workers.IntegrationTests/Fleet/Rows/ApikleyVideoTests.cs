using Workers.Contracts;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet.Rows;

/// <summary>GenerateVideo → Apikley sora-2-pro-storyboard (one video from shots) through the whole fleet.</summary>
public sealed class ApikleyVideoTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task GenerateVideo_TwoShots_CompletesWithOneVideoOfTheFullLengthAndTheReportedCredits()
    {
        var command = Sora("kitten");

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId, TimeSpan.FromSeconds(90));

        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        var video = Assert.Single(completed.Artifacts);
        Assert.Equal((ArtifactRoles.Video, "video/mp4"), (video.Role, video.ContentType));
        Assert.Equal((1280, 720), (video.Width, video.Height));
        Assert.Equal(15m, video.DurationSeconds);
        Assert.Equal(new CreditCost { Amount = 225m, Unit = "credits", Source = CostSources.Reported }, completed.Cost);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "apikley", command.RequestId));
    }

    [Fact]
    public async Task GenerateVideo_ShotsLongerThanTheVideo_FailsWithEveryViolationAndReachesNoProvider()
    {
        var command = Sora("invalid") with
        {
            DurationSeconds = 10,
            Shots = [new VideoShot { Prompt = "a", DurationSeconds = 7.5m }, new VideoShot { Prompt = "b", DurationSeconds = 0 }, new VideoShot { Prompt = "c", DurationSeconds = 7.5m }],
            Count = 2,
        };

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.Validation);
        Assert.Contains("Shots[1]", failed.Message, StringComparison.Ordinal);
        Assert.Contains("Count", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "apikley", command.RequestId));
    }

    [Fact]
    public async Task GenerateVideo_ProviderTaskFails_FailsWithTheProvidersMessage()
    {
        var command = Sora("doomed");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "apikley", PromptContains = Marker(command), Outcome = ScriptOutcome.Failed, Message = "sora refused the scene", DurationMs = 200,
        });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.ProviderFailed);
        Assert.Contains("sora refused the scene", failed.Message, StringComparison.Ordinal);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "apikley", command.RequestId));
    }

    [Fact]
    public async Task GenerateVideo_InsufficientCredits_FailsWithTheProvidersCode()
    {
        var command = Sora("broke");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "apikley", PromptContains = Marker(command), Outcome = ScriptOutcome.InsufficientCredits });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.InsufficientCredits);
        Assert.Equal("402", failed.ProviderCode);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "apikley", command.RequestId));
    }

    [Fact]
    public async Task GenerateVideo_RateLimitedOnce_IsRetriedAndPaidOnce()
    {
        var command = Sora("throttled");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "apikley", PromptContains = Marker(command), Count = 1, HttpStatus = 429, RetryAfterSeconds = 1,
        });

        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId, TimeSpan.FromSeconds(90));

        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "apikley", command.RequestId));
        Assert.Equal(2, (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!.SubmitAttempts);
    }

    internal static GenerateVideo Sora(string what)
    {
        var id = $"{what}-{Guid.NewGuid():N}";
        return new GenerateVideo
        {
            RequestId = id,
            Provider = ProviderNames.Apikley,
            Model = "sora-2-pro-storyboard",
            DurationSeconds = 15,
            AspectRatio = "16:9",
            Shots =
            [
                new VideoShot { Prompt = $"A {what} with orange headphones at a cosy table [{id}]", DurationSeconds = 7.5m },
                new VideoShot { Prompt = $"The {what} licks its lips, satisfied", DurationSeconds = 7.5m },
            ],
            Tags = new Dictionary<string, string> { ["test"] = what },
        };
    }

    private static string Marker(GenerateVideo command) => $"[{command.RequestId}]";
}
