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
/// task to the results service. Polls back off to the provider's interval and stop at the request's deadline.
/// </summary>
public sealed partial class PollProviderTaskConsumer(
    IEnumerable<IProviderTaskReader> readers,
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

        if (!await store.TryClaimPollAsync(poll.RequestId, poll.PollNumber, context.MessageId ?? NewId.NextGuid(), ct).ConfigureAwait(false))
        {
            LogStalePoll(poll.RequestId, poll.PollNumber);
            return;
        }

        var reader = readers.First(r => r.Provider == row.Provider);
        var now = clock.GetUtcNow();
        ProviderTaskState state;
        try
        {
            state = await reader.GetTaskAsync(row.Account, row.ProviderTaskId, ct).ConfigureAwait(false);
        }
        catch (ProviderCallException ex) when (ex.Kind == ProviderFailureKind.NotFound)
        {
            await FinishAsync(context, row, Failed(ex.Code, ex.Message, ex.ProviderCode, now)).ConfigureAwait(false);
            return;
        }
        catch (ProviderCallException ex)
        {
            // The task is paid for and may still be running: keep asking until the deadline.
            LogPollFailed(ex, poll.RequestId, poll.PollNumber);
            await NextPollAsync(context, row, reader, ex.RetryAfter, now).ConfigureAwait(false);
            return;
        }

        switch (state.Phase)
        {
            case ProviderTaskPhase.Succeeded:
                await FinishAsync(context, row, new ProviderTaskFinished
                {
                    RequestId = row.RequestId,
                    Provider = row.Provider,
                    Succeeded = true,
                    ResultUrls = state.ResultUrls,
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

        if (await store.TryRecordProgressAsync(row.RequestId, state.ProviderStatus, state.Percent, ct).ConfigureAwait(false))
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

        await NextPollAsync(context, row, reader, null, now).ConfigureAwait(false);
    }

    private async Task NextPollAsync(ConsumeContext<PollProviderTask> context, GenerationRecord row, IProviderTaskReader reader,
        TimeSpan? retryAfter, DateTimeOffset now)
    {
        var next = context.Message.PollNumber + 1;
        var delay = reader.Polling.DelayBeforePoll(next);
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
