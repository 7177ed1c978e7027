using Workers.Contracts;
using Workers.Persistence.Generations;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet;

/// <summary>A fleet that sweeps every second and calls a row stuck after three seconds without change.</summary>
public sealed class SweepingFleetFixture : FleetFixture
{
    protected override IReadOnlyDictionary<string, string?> FleetSettings(Uri simulatorAddress) => new Dictionary<string, string?>
    {
        ["Fleet:Sweeper:IntervalSeconds"] = "1",
        ["Fleet:Sweeper:StaleAfterSeconds"] = "3",
        ["Fleet:Sweeper:DeadlineGraceSeconds"] = "1",
        // The first poll waits long enough in the delay queues for a test to lose it there.
        ["Providers:UniAll:Polling:FirstPollSeconds"] = "30",
    };
}

/// <summary>Every request ends, even when the message carrying it is lost: the sweeper finds the row and starts again.</summary>
public sealed class SweeperTests(SweepingFleetFixture fleet) : IClassFixture<SweepingFleetFixture>
{
    [Fact]
    public async Task PollLostFromTheDelayQueues_TheSweeperResumesTheChainAndTheRequestCompletes()
    {
        var command = Image("lost-poll");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = command.RequestId, DurationMs = 500 });

        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationAccepted>(command.RequestId);
        await LoseEveryDelayedMessageAsync();
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task StuckTaskWhosePollsWereLost_EndsAsTimeoutAfterItsDeadline()
    {
        var command = Image("lost-and-stuck") with { TimeoutSeconds = 4 };
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = command.RequestId, Outcome = ScriptOutcome.Stuck });

        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationAccepted>(command.RequestId);
        await LoseEveryDelayedMessageAsync();
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.Timeout);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task RetryOfARefusedSubmissionLost_TheStoredCommandIsSentAgainAndPaidOnce()
    {
        var command = Image("lost-retry");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "uniall", PromptContains = command.RequestId, Count = 1, HttpStatus = 429, RetryAfterSeconds = 60,
        });

        await fleet.Events.Publish(command);
        await WaitForPendingRetryAsync(command.RequestId);
        await LoseEveryDelayedMessageAsync();
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = command.RequestId, DurationMs = 200 });
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
        Assert.Equal(completed.ProviderTaskId, (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!.ProviderTaskId);
    }

    private async Task WaitForPendingRetryAsync(string requestId)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await fleet.Generations.FindAsync(requestId, CancellationToken.None) is { Status: GenerationStatus.Pending, SubmitAttempts: 1 })
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{requestId} never waited for a retry.");
    }

    /// <summary>Purges every delay level: every scheduled poll and retry of this fleet is gone.</summary>
    private async Task LoseEveryDelayedMessageAsync()
    {
        for (var level = 0; level <= 17; level++)
        {
            await fleet.Broker.Management.PurgeQueueAsync(fleet.Broker.Name, $"delay-level-{level:D2}", CancellationToken.None);
        }
    }

    private static GenerateImage Image(string what)
    {
        var id = $"{what}-{Guid.NewGuid():N}";
        return new GenerateImage
        {
            RequestId = id, Provider = ProviderNames.UniAll, Model = "gpt-image-2", Prompt = $"a {what} cube [{id}]", Size = "1024x1024",
        };
    }
}
