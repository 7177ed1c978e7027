using Workers.Contracts;
using Workers.Persistence.Generations;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet;

/// <summary><c>CancelGeneration</c>: the request ends as cancelled wherever it stands, and nothing more is paid for it.</summary>
public sealed class CancellationTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task CancelWhileTheTaskRuns_EndsCancelledSayingThatTheProviderMayStillChargeAndPollingStops()
    {
        var command = Image("running");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = command.RequestId, Outcome = ScriptOutcome.Stuck });
        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationAccepted>(command.RequestId);

        await fleet.Events.Publish(new CancelGeneration { RequestId = command.RequestId, Reason = "the user closed the page" });
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.Cancelled);
        Assert.Contains("the user closed the page", failed.Message, StringComparison.Ordinal);
        Assert.Contains("may still run and be charged", failed.Message, StringComparison.Ordinal);
        // UniAll reports no cost: what the fleet prices one image at is recorded as what it may still be charged.
        Assert.Equal(new CreditCost { Amount = 0.040m, Unit = "USD", Source = CostSources.Estimated }, failed.Cost);
        var polls = (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!.PollCount;
        var before = (await fleet.Simulator.GetCountersAsync("uniall")).Polls;
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(polls, (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!.PollCount);
        Assert.True((await fleet.Simulator.GetCountersAsync("uniall")).Polls - before <= 1, "polling went on after the cancellation");
    }

    [Fact]
    public async Task CancelBeforeTheCommandArrives_TheCommandIsRefusedAndNothingIsSubmitted()
    {
        var command = Image("early");

        await fleet.Events.Publish(new CancelGeneration { RequestId = command.RequestId });
        await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);
        await fleet.Events.Publish(command);
        await WaitForEventsAsync(command.RequestId, 2);

        Assert.All(fleet.Events.About(command.RequestId).OfType<GenerationFailed>(), f => Assert.Equal(GenerationErrorCodes.Cancelled, f.Code));
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task CancelWhileARefusedSubmissionWaitsToRetry_EndsCancelledWithNothingPaid()
    {
        var command = Image("pending");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "uniall", PromptContains = command.RequestId, Count = 1, HttpStatus = 429, RetryAfterSeconds = 5,
        });
        await fleet.Events.Publish(command);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None) is not { Status: GenerationStatus.Pending, SubmitAttempts: 1 }
               && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50);
        }

        await fleet.Events.Publish(new CancelGeneration { RequestId = command.RequestId });
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);
        // The retry comes back after its Retry-After, finds the request ended, and says so again without submitting.
        await WaitForEventsAsync(command.RequestId, 2, TimeSpan.FromSeconds(30));

        Assert.Equal((GenerationErrorCodes.Cancelled, null), (failed.Code, failed.Cost));
        Assert.Contains("Nothing had been submitted", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task CancelAfterTheEnd_RepeatsTheOutcomeAndChangesNothing()
    {
        var command = Image("done");
        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        await fleet.Events.Publish(new CancelGeneration { RequestId = command.RequestId });
        await WaitForEventsAsync(command.RequestId, fleet.Events.About(command.RequestId).Count + 1);

        Assert.Equal(2, fleet.Events.About(command.RequestId).OfType<GenerationCompleted>().Count());
        Assert.Equal(GenerationStatus.Completed, (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!.Status);
        Assert.Equal(completed.ProviderTaskId, fleet.Events.About(command.RequestId).OfType<GenerationCompleted>().Last().ProviderTaskId);
    }

    private async Task WaitForEventsAsync(string requestId, int count, TimeSpan? timeout = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (fleet.Events.About(requestId).Count < count)
        {
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
            {
                throw new TimeoutException($"{requestId}: fewer than {count} events.");
            }

            await Task.Delay(50);
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
