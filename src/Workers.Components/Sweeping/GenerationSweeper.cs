using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.Components.Outcomes;
using Workers.Components.Polling;
using Workers.Components.Scheduling;
using Workers.Components.Topology;
using Workers.Contracts;
using Workers.Persistence.Generations;

namespace Workers.Components.Sweeping;

/// <summary>
/// Makes every request end. Messages can be lost to an error queue (a poison message, a long database outage) or a
/// crash; the row is the truth, so a periodic sweep (one replica at a time) finds unfinished rows that stopped moving
/// or passed their deadline: it ends those past the deadline as <c>timeout</c>, gives up on ones never submitted in
/// time, and starts the work of the others again (a poll for a submitted task, the stored command for one not yet
/// accepted). Starting again is safe: polls are claimed by number and submissions are leased and idempotent.
/// </summary>
public sealed partial class GenerationSweeper(
    GenerationStore store,
    IBus bus,
    IDelayedMessageScheduler scheduler,
    IOptions<SweeperOptions> options,
    TimeProvider clock,
    ILogger<GenerationSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.IntervalSeconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SweepOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The next tick tries again; a sweep that cannot reach the database changes nothing.
                LogSweepFailed(ex);
            }
        }
    }

    /// <summary>One sweep; returns the rows it acted on.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var rows = await store.ClaimStuckAsync(now - TimeSpan.FromSeconds(settings.StaleAfterSeconds),
            now - TimeSpan.FromSeconds(settings.DeadlineGraceSeconds), settings.BatchSize, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await SweepAsync(row, now, settings, cancellationToken).ConfigureAwait(false);
        }

        return rows.Count;
    }

    private async Task SweepAsync(GenerationRecord row, DateTimeOffset now, SweeperOptions settings, CancellationToken ct)
    {
        if (row.Deadline is { } deadline && deadline < now - TimeSpan.FromSeconds(settings.DeadlineGraceSeconds))
        {
            await FailAsync(row, new GenerationError(GenerationErrorCodes.Timeout,
                $"{row.Provider} task {row.ProviderTaskId} had no outcome by its deadline {deadline:O} (last status '{row.ProviderStatus}'); ended by the sweeper."),
                ct).ConfigureAwait(false);
            return;
        }

        switch (row.Status)
        {
            case GenerationStatus.Submitted or GenerationStatus.Running:
                LogResumed(row.RequestId, row.Status);
                await scheduler.ScheduleSend(bus, QueueNames.Poll(row.Provider),
                    new PollProviderTask { RequestId = row.RequestId, Provider = row.Provider, PollNumber = row.PollCount }, TimeSpan.Zero, ct)
                    .ConfigureAwait(false);
                return;
            case GenerationStatus.Pending when now - row.AcceptedAt > TimeSpan.FromSeconds(settings.MaxUnsubmittedSeconds):
                await FailAsync(row, new GenerationError(row.ErrorCode ?? GenerationErrorCodes.ProviderUnavailable,
                    $"{row.Provider} did not accept the request within {TimeSpan.FromSeconds(settings.MaxUnsubmittedSeconds)}; last refusal: {row.ErrorMessage ?? "none"}",
                    row.ErrorProviderCode), ct).ConfigureAwait(false);
                return;
            default:
                // Pending or submitting with its command gone: the stored command goes back to its queue, where the
                // submission protocol settles it (a submission cut off mid-call is reconciled or reported, never resent blindly).
                LogResumed(row.RequestId, row.Status);
                await ResendCommandAsync(row, ct).ConfigureAwait(false);
                return;
        }
    }

    private Task ResendCommandAsync(GenerationRecord row, CancellationToken ct)
    {
        var queue = QueueNames.Submit(row.Provider, row.Kind);
        return row.Kind switch
        {
            GenerationKinds.Image => scheduler.ScheduleSend(bus, queue, Stored<GenerateImage>(row), TimeSpan.Zero, ct),
            GenerationKinds.Video => scheduler.ScheduleSend(bus, queue, Stored<GenerateVideo>(row), TimeSpan.Zero, ct),
            GenerationKinds.Storyboard => scheduler.ScheduleSend(bus, queue, Stored<GenerateStoryboard>(row), TimeSpan.Zero, ct),
            _ => Task.CompletedTask,
        };
    }

    private static T Stored<T>(GenerationRecord row) => JsonSerializer.Deserialize<T>(row.Request, JsonSerializerOptions.Web)!;

    private async Task FailAsync(GenerationRecord row, GenerationError error, CancellationToken ct)
    {
        LogEnded(row.RequestId, error.Code);
        await store.TryFailAsync(row.RequestId, error, row.Credits, null, ct).ConfigureAwait(false);
        if (await store.FindAsync(row.RequestId, ct).ConfigureAwait(false) is { } ended)
        {
            await bus.PublishFinal(ended, ct).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeper: request {RequestId} had stopped moving ({Status}); its work starts again")]
    private partial void LogResumed(string requestId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeper: request {RequestId} ended as {Code}")]
    private partial void LogEnded(string requestId, string code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep failed; trying again at the next tick")]
    private partial void LogSweepFailed(Exception exception);
}
