using Workers.Contracts;
using Workers.IntegrationTests.Fleet.Rows;
using Workers.ProviderSimulator.Callbacks;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet;

/// <summary>
/// A fleet whose first poll is ten minutes away: a task that ends within seconds can only be completed through the
/// provider's callback, which makes the fleet poll at once.
/// </summary>
public sealed class SlowPollingFleetFixture : FleetFixture
{
    protected override IReadOnlyDictionary<string, string?> FleetSettings(Uri simulatorAddress)
    {
        var settings = new Dictionary<string, string?>();
        foreach (var (provider, polling) in new[] { ("TopView", "StoryboardPolling"), ("TopView", "VideoPolling"), ("Apikley", "Polling") })
        {
            settings[$"Providers:{provider}:{polling}:FirstPollSeconds"] = "600";
            settings[$"Providers:{provider}:{polling}:MaxIntervalSeconds"] = "600";
            settings[$"Providers:{provider}:{polling}:DefaultTimeoutSeconds"] = "3600";
        }

        return settings;
    }
}

/// <summary>Callback-driven completion for the providers that call back (TopView <c>noticeUrl</c>, Apikley <c>callBackUrl</c>).</summary>
public sealed class CallbackCompletionTests(SlowPollingFleetFixture fleet) : IClassFixture<SlowPollingFleetFixture>
{
    [Fact]
    public async Task TopViewVideo_ProviderCallsBack_CompletesLongBeforeTheFirstPoll()
    {
        var command = TopViewVideoTests.Video("called-back", fleet);
        await Fast("topview", command.RequestId);

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId, TimeSpan.FromSeconds(60));

        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        Assert.Equal(0, completed.Timings.PollCount);
        Assert.Contains(await fleet.Simulator.GetCallbackDeliveriesAsync("topview", completed.ProviderTaskId), d => d.Acknowledged);
    }

    [Fact]
    public async Task TopViewStoryboard_ProviderCallsBack_CompletesLongBeforeTheFirstPoll()
    {
        var command = TopViewStoryboardTests.Storyboard("called-back");
        await Fast("topview", command.RequestId);

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId, TimeSpan.FromSeconds(60));

        Assert.Equal(0, completed.Timings.PollCount);
        Assert.Equal(ArtifactRoles.Grid, Assert.Single(completed.Artifacts).Role);
    }

    [Fact]
    public async Task Apikley_ProviderCallsBack_CompletesLongBeforeTheFirstPoll()
    {
        var command = ApikleyVideoTests.Sora("called-back");
        await Fast("apikley", command.RequestId);

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId, TimeSpan.FromSeconds(60));

        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        Assert.Equal(0, completed.Timings.PollCount);
        Assert.Contains(await fleet.Simulator.GetCallbackDeliveriesAsync("apikley", completed.ProviderTaskId), d => d.Acknowledged);
    }

    [Fact]
    public async Task TopViewVideo_ForgedCallbackFirst_IsRefusedAndTheGenuineOneCompletesIt()
    {
        await fleet.Simulator.SetCallbackBehaviourAsync(new CallbackBehaviour { Provider = "topview", Mode = CallbackMode.Forged });
        try
        {
            var command = TopViewVideoTests.Video("forged", fleet);
            await Fast("topview", command.RequestId);

            await fleet.Events.Publish(command);
            var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId, TimeSpan.FromSeconds(60));

            var deliveries = await fleet.Simulator.GetCallbackDeliveriesAsync("topview", completed.ProviderTaskId);
            Assert.Contains(deliveries, d => d.Kind == "forged" && !d.Acknowledged);
            Assert.Contains(deliveries, d => d.Kind == "genuine" && d.Acknowledged);
        }
        finally
        {
            await fleet.Simulator.SetCallbackBehaviourAsync(new CallbackBehaviour { Provider = "topview", Mode = CallbackMode.Normal });
        }
    }

    /// <summary>The next task of this request ends half a second after it starts.</summary>
    private Task Fast(string provider, string requestId) =>
        fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = provider, PromptContains = requestId, DurationMs = 500, Count = 1 });
}
