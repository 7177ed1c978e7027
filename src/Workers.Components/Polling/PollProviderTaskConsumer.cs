using MassTransit;
using Microsoft.Extensions.Logging;
using Workers.Components.Results;
using Workers.Components.Scheduling;
using Workers.Components.Topology;
using Workers.Contracts;
using Workers.Persistence.Generations;
using Workers.Providers.Abstractions;

namespace Workers.Components.Polling;

/// <summary>
/// Asks the provider about one task, once: reports progress and schedules the next poll, or hands a finished
/// task to the results service. Polls back off to the model's interval and stop at the request's deadline.
/// </summary>
public sealed partial class PollProviderTaskConsumer(
    ProviderTaskReaders readers,
    GenerationStore store,
    IDelayedMessageScheduler scheduler,
    TimeProvider clock,
    ILogger<PollProviderTaskConsumer> logger) : IConsumer<PollProviderTask>
{
    public async Task Consume(ConsumeContext<PollProviderTask> context)
    {
        var poll = context.Message;
        var ct = context.CancellationToken;
        var row = await store.FindAsync(poll.RequestId, ct).ConfigureAwait(false);
        if (row?.ProviderTaskId is null || row.IsTerminal)
        {
            return;
        }

        if (!poll.Hint && !await store.TryClaimPollAsync(poll.RequestId, poll.PollNumber, context.MessageId ?? NewId.NextGuid(), ct).ConfigureAwait(false))
        {
            LogStalePoll(poll.RequestId, poll.PollNumber);
            return;
        }

        var reader = readers.For(row.Provider);
        var schedule = reader.Schedule(row.Kind, row.Model);
        var now = clock.GetUtcNow();
        ProviderTaskState state;
        try
        {
            state = await reader.GetTaskAsync(ProviderTaskReaders.TaskOf(row), ct).ConfigureAwait(false);
        }
        catch (ProviderCallException ex) when (ex.Kind == ProviderFailureKind.NotFound && !JustSubmitted(row, schedule, now))
        {
            await FinishAsync(context, row, Failed(ex.Code, ex.Message, ex.ProviderCode, now)).ConfigureAwait(false);
            return;
        }
        catch (ProviderCallException ex)
        {
            // The task is paid for and may still be running (or not be listed yet): keep asking until the deadline.
            LogPollFailed(ex, poll.RequestId, poll.PollNumber);
            await NextPollAsync(context, row, schedule, ex.RetryAfter, now).ConfigureAwait(false);
            return;
        }

        switch (state.Phase)
        {
            case ProviderTaskPhase.Succeeded:
                await FinishAsync(context, row, new ProviderTaskFinished
                {
                    Succeeded = true,
                    Items = state.Items,
                    ReportedCost = state.ReportedCost,
                    FinishedAt = now,
                }).ConfigureAwait(false);
                return;
            case ProviderTaskPhase.Failed:
                await FinishAsync(context, row, Failed(state.ErrorCode ?? GenerationErrorCodes.ProviderFailed,
                    state.ErrorMessage ?? $"{row.Provider} reported the task failed", state.ProviderCode, now) with
                {
                    ReportedCost = state.ReportedCost,
                }).ConfigureAwait(false);
                return;
        }

        if (await store.TryRecordProgressAsync(row.RequestId, state.ProviderStatus, state.Percent, state.ItemsCompleted, state.ItemsTotal, ct)
                .ConfigureAwait(false))
        {
            await context.Publish(new GenerationProgressed
            {
                RequestId = row.RequestId,
                Provider = row.Provider,
                ProviderTaskId = row.ProviderTaskId,
                ProviderStatus = state.ProviderStatus,
                Percent = state.Percent,
                ItemsCompleted = state.ItemsCompleted,
                ItemsTotal = state.ItemsTotal,
                At = now,
                Tags = row.Tags,
            }, ct).ConfigureAwait(false);
        }

        await NextPollAsync(context, row, schedule, null, now).ConfigureAwait(false);
    }

    /// <summary>Some providers do not know a task for a moment after creating it (Apikley's "recordInfo is null").</summary>
    private static bool JustSubmitted(GenerationRecord row, PollSchedule schedule, DateTimeOffset now) =>
        row.SubmittedAt is { } submitted && now - submitted < schedule.NotFoundGrace;

    private async Task NextPollAsync(ConsumeContext<PollProviderTask> context, GenerationRecord row, PollSchedule schedule,
        TimeSpan? retryAfter, DateTimeOffset now)
    {
        if (context.Message.Hint)
        {
            return;
        }

        var next = context.Message.PollNumber + 1;
        var delay = schedule.DelayBeforePoll(next, Random.Shared.NextDouble());
        if (retryAfter > delay)
        {
            delay = retryAfter.Value;
        }

        if (row.Deadline is { } deadline && now + delay > deadline)
        {
            if (now < deadline)
            {
                // One last look exactly at the deadline rather than giving up early.
                delay = deadline - now;
            }
            else
            {
                await FinishAsync(context, row, Failed(GenerationErrorCodes.Timeout,
                    $"{row.Provider} task {row.ProviderTaskId} did not finish by its deadline {deadline:O} ({context.Message.PollNumber + 1} polls; last status '{row.ProviderStatus}')",
                    row.ProviderStatus, now)).ConfigureAwait(false);
                return;
            }
        }

        await scheduler.ScheduleSend(context, QueueNames.Poll(row.Provider), context.Message with { PollNumber = next }, delay, context.CancellationToken)
            .ConfigureAwait(false);
    }

    private Task FinishAsync(ConsumeContext context, GenerationRecord row, ProviderTaskFinished finished) =>
        scheduler.ScheduleSend(context, QueueNames.Results, finished with { RequestId = row.RequestId, Provider = row.Provider },
            TimeSpan.Zero, context.CancellationToken);

    private static ProviderTaskFinished Failed(string code, string message, string? providerCode, DateTimeOffset now) => new()
    {
        Succeeded = false,
        ErrorCode = code,
        ErrorMessage = message,
        ProviderCode = providerCode,
        FinishedAt = now,
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll {PollNumber} of {RequestId} is stale or a duplicate; dropped")]
    private partial void LogStalePoll(string requestId, int pollNumber);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poll {PollNumber} of {RequestId} could not read the task; asking again later")]
    private partial void LogPollFailed(Exception exception, string requestId, int pollNumber);
}
