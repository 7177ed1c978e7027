using System.Text.Json;
using Workers.Components.Polling;
using Workers.Contracts;
using Workers.Persistence.Generations;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet;

/// <summary>The branches that end a request badly, or could fork it, each on the real broker, database and simulator.</summary>
public sealed class FailurePathTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task CommandRedeliveredWhileItsRowIsPending_IsSubmittedOnce()
    {
        var command = Image("pending-row");
        await Intent(command, GenerationStatus.Pending);

        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task CommandRedeliveredWhileItsRowIsSubmitting_EndsAsUnknownOutcomeAndIsNeverSentAgain()
    {
        var command = Image("submitting-row");
        await Intent(command, GenerationStatus.Submitting);

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        // UniAll cannot list its tasks, so a call that may have arrived is reported, not repeated.
        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.UnknownOutcome);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task TaskThatNeverFinishes_EndsAsTimeoutAtItsDeadline()
    {
        var command = Image("stuck") with { TimeoutSeconds = 3 };
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = command.RequestId, Outcome = ScriptOutcome.Stuck });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.Timeout);
        Assert.Contains("deadline", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetryAfterLongerThanTheConfiguredDelay_IsWhatTheRetryWaits()
    {
        // The fixture's configured retry delay is 1 s; the provider asks for 4 s.
        var command = Image("retry-after");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "uniall", PromptContains = command.RequestId, Count = 1, HttpStatus = 429, RetryAfterSeconds = 4,
        });

        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        var retry = Assert.Single(fleet.Logs.Lines, l => l.Contains(command.RequestId, StringComparison.Ordinal) && l.Contains("retrying in", StringComparison.Ordinal));
        var delay = TimeSpan.Parse(retry[(retry.IndexOf("retrying in ", StringComparison.Ordinal) + 12)..].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(delay, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4) * 1.2);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task EmptyRequestId_FailsWithValidationAndSubmitsNothing()
    {
        var marker = Guid.NewGuid().ToString("N");
        var command = Image("no-id") with { RequestId = "", Prompt = $"a cube [{marker}]" };

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>("");

        Assert.Equal(GenerationErrorCodes.Validation, failed.Code);
        Assert.Contains("RequestId is required", failed.Message, StringComparison.Ordinal);
        Assert.Empty(await fleet.Simulator.GetSubmissionsAsync("uniall", promptContains: marker));
    }

    private async Task Intent(GenerateImage command, string status)
    {
        await fleet.Generations.TryInsertAsync(new NewGeneration
        {
            RequestId = command.RequestId,
            Kind = GenerationKinds.Image,
            Provider = ProviderNames.UniAll,
            Model = command.Model!,
            Account = "default",
            RequestJson = JsonSerializer.Serialize(command, JsonSerializerOptions.Web),
            CallbackToken = "token",
        }, CancellationToken.None);
        if (status == GenerationStatus.Submitting)
        {
            var lease = (await fleet.Generations.TryTakeLeaseAsync(command.RequestId, TimeSpan.FromSeconds(1), CancellationToken.None)).Lease!;
            Assert.True(await fleet.Generations.TryMarkSubmittingAsync(command.RequestId, lease, CancellationToken.None));
            // The worker that was calling crashed: its lease is gone with it.
            await lease.DisposeAsync();
        }
    }

    internal static GenerateImage Image(string what)
    {
        var id = $"{what}-{Guid.NewGuid():N}";
        return new GenerateImage
        {
            RequestId = id, Provider = ProviderNames.UniAll, Model = "gpt-image-2", Prompt = $"a {what} cube [{id}]", Size = "1024x1024",
        };
    }
}

/// <summary>Duplicated poll messages (a redelivery, a resumed chain) never fork the chain: each poll number is read once.</summary>
public sealed class DuplicatePollTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task DuplicatePollMessages_EachPollNumberReachesTheProviderOnce()
    {
        var command = FailurePathTests.Image("duplicated-polls");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = command.RequestId, DurationMs = 4000 });
        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationAccepted>(command.RequestId);

        for (var copy = 0; copy < 5; copy++)
        {
            var row = (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!;
            for (var number = row.PollCount; number <= row.PollCount + 1; number++)
            {
                await fleet.Events.SendToQueueAsync("uniall-poll", new PollProviderTask { RequestId = command.RequestId, Provider = "uniall", PollNumber = number });
            }

            await Task.Delay(300);
        }

        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        // Every provider query of this fixture belongs to this request, and each claimed a number.
        Assert.Equal(completed.Timings.PollCount, (await fleet.Simulator.GetCountersAsync("uniall")).Polls);
        Assert.Single(fleet.Events.About(command.RequestId).OfType<GenerationCompleted>());
    }
}
