using Npgsql;
using Workers.Contracts;
using Workers.Persistence.Generations;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet;

/// <summary>The paid-submission protocol under the defects found in review: resends, database blips, a row that moves on.</summary>
public sealed class SubmissionProtocolTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task Resend_WithOtherContentWhileTheRequestWaitsToRetry_IsRefusedAndTheOriginalIsWhatIsPaidFor()
    {
        var original = Image("original");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "uniall", PromptContains = original.RequestId, Count = 1, HttpStatus = 429, RetryAfterSeconds = 3,
        });
        await fleet.Events.Publish(original);
        await WaitForRowAsync(original.RequestId, row => row.SubmitAttempts == 1 && row.Status == GenerationStatus.Pending);

        // Same id, other content (and a size the provider would refuse): a resend must not be paid for in the original's place.
        var resend = original with { Prompt = $"something else entirely [{original.RequestId}]", Size = "1024x1025" };
        await fleet.Events.Publish(resend);
        var refused = await fleet.Events.WaitFor<GenerationCommandRefused>(original.RequestId);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(original.RequestId);

        Assert.Equal(GenerationErrorCodes.Validation, refused.Code);
        var submission = Assert.Single(await fleet.Simulator.GetSubmissionsAsync("uniall", clientReference: original.RequestId));
        Assert.Equal(original.Prompt, submission.Prompt);
        Assert.Equal(submission.TaskId, completed.ProviderTaskId);
    }

    [Fact]
    public async Task Submission_InFlight_HoldsALeaseOnTheRowAndNoSessionAdvisoryLock()
    {
        var command = Image("leased");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = command.RequestId, SubmitLatencyMs = 2000 });

        await fleet.Events.Publish(command);
        await WaitForRowAsync(command.RequestId, row => row.Status == GenerationStatus.Submitting);
        var (owner, advisoryLocks) = await LeaseAndAdvisoryLocksAsync(command.RequestId);
        await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);
        var (ownerAfter, _) = await LeaseAndAdvisoryLocksAsync(command.RequestId);

        Assert.NotNull(owner);
        Assert.Equal(0, advisoryLocks);
        Assert.Null(ownerAfter);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    public async Task DatabaseAwayRightAfterThePaidCall_TaskIdIsKeptAndTheRequestCompletesPaidOnce(int outageSeconds)
    {
        var command = Image($"outage-{outageSeconds}");
        await RefuseTaskIdWritesForAsync(command.RequestId, TimeSpan.FromSeconds(outageSeconds));

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId, TimeSpan.FromSeconds(outageSeconds + 60));

        var submission = Assert.Single(await fleet.Simulator.GetSubmissionsAsync("uniall", clientReference: command.RequestId));
        Assert.Equal(submission.TaskId, completed.ProviderTaskId);
        Assert.DoesNotContain(fleet.Events.About(command.RequestId), e => e is GenerationFailed);
    }

    [Fact]
    public async Task RowEndedWhileThePaidCallWasInFlight_NoAcceptedEventAndNoPollContradictTheOutcome()
    {
        var command = Image("moved-on");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = command.RequestId, SubmitLatencyMs = 2000 });

        await fleet.Events.Publish(command);
        await WaitForRowAsync(command.RequestId, row => row.Status == GenerationStatus.Submitting);
        await fleet.Generations.TryFailAsync(command.RequestId, new GenerationError(GenerationErrorCodes.Cancelled, "ended elsewhere"), null, null,
            CancellationToken.None);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);
        // The submitting worker has finished once it let go of the row; a first poll wrongly scheduled then would run
        // within this fixture's 1 s first-poll delay.
        await WaitForRowAsync(command.RequestId, row => row.LeaseExpiresAt is null);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        Assert.Equal(GenerationErrorCodes.Cancelled, failed.Code);
        Assert.DoesNotContain(fleet.Events.About(command.RequestId), e => e is GenerationAccepted or GenerationCompleted);
        var row = await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None);
        Assert.Equal((GenerationStatus.Failed, 0, null), (row!.Status, row.PollCount, row.ProviderTaskId));
    }

    private async Task<GenerationRecord> WaitForRowAsync(string requestId, Func<GenerationRecord, bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (await fleet.Generations.FindAsync(requestId, CancellationToken.None) is { } row && condition(row))
            {
                return row;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Row {requestId} never reached the expected state.");
    }

    private async Task<(string? Owner, long AdvisoryLocks)> LeaseAndAdvisoryLocksAsync(string requestId)
    {
        await using var connection = new NpgsqlConnection(fleet.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var lease = new NpgsqlCommand("SELECT lease_owner FROM generations WHERE request_id = $1", connection);
        lease.Parameters.Add(new NpgsqlParameter { Value = requestId });
        var owner = await lease.ExecuteScalarAsync() as string;
        await using var locks = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()",
            connection);
        return (owner, (long)(await locks.ExecuteScalarAsync())!);
    }

    /// <summary>
    /// For this request only, the database refuses the write of the task id (submitting → submitted) for a while, with
    /// the error a restarting server gives: the moment right after a paid call is where an outage hurts most.
    /// </summary>
    private async Task RefuseTaskIdWritesForAsync(string requestId, TimeSpan outage)
    {
        await using var connection = new NpgsqlConnection(fleet.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($$"""
            CREATE TABLE IF NOT EXISTS test_outages (request_id text PRIMARY KEY, until timestamptz NOT NULL);
            CREATE OR REPLACE FUNCTION test_refuse_task_id() RETURNS trigger AS $fn$
            BEGIN
              IF EXISTS (SELECT 1 FROM test_outages o WHERE o.request_id = NEW.request_id AND o.until > clock_timestamp()) THEN
                RAISE EXCEPTION 'the database is restarting (test outage)' USING ERRCODE = '57P03';
              END IF;
              RETURN NEW;
            END $fn$ LANGUAGE plpgsql;
            DROP TRIGGER IF EXISTS test_refuse_task_id ON generations;
            CREATE TRIGGER test_refuse_task_id BEFORE UPDATE ON generations FOR EACH ROW
              WHEN (OLD.status = 'submitting' AND NEW.status = 'submitted') EXECUTE FUNCTION test_refuse_task_id();
            INSERT INTO test_outages VALUES ('{{requestId}}', clock_timestamp() + interval '{{(int)outage.TotalSeconds}} seconds');
            """, connection);
        await command.ExecuteNonQueryAsync();
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
