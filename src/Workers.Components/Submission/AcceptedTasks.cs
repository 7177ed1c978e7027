using System.Data.Common;
using MassTransit;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Workers.Components.Outcomes;
using Workers.Components.Polling;
using Workers.Components.Scheduling;
using Workers.Components.Topology;
using Workers.Contracts;
using Workers.Persistence.Generations;

namespace Workers.Components.Submission;

/// <summary>
/// Step 3 and 4 of the paid-submission protocol: record the provider's task id (never losing it once the provider
/// returned it), then announce the request as accepted and schedule its first poll.
/// </summary>
public sealed partial class AcceptedTasks(
    GenerationStore store,
    ProviderTaskReaders readers,
    IDelayedMessageScheduler scheduler,
    TimeProvider clock,
    ILogger<AcceptedTasks> logger)
{
    /// <summary>A database blip is ridden out in place: a few jittered tries over about ten seconds.</summary>
    private readonly ResiliencePipeline blip = new ResiliencePipelineBuilder { TimeProvider = clock }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DbException>(),
            MaxRetryAttempts = 5,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(300),
            MaxDelay = TimeSpan.FromSeconds(4),
        })
        .Build();

    /// <summary>
    /// Records the task on the row. When the database stays away, the task is handed to the durable
    /// <see cref="QueueNames.TaskIds"/> queue, which writes it as soon as it can; the caller may then ack.
    /// </summary>
    public async Task RecordAsync(ConsumeContext context, RecordProviderTask task)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(task);
        // Logged before anything else can fail: whatever happens next, the paid task can be found from the logs.
        LogAccepted(task.RequestId, task.Provider, task.ProviderTaskId);
        bool recorded;
        try
        {
            recorded = await blip.ExecuteAsync(
                async ct => await store.TryMarkSubmittedAsync(task.RequestId, task.ProviderTaskId, task.Details, task.Deadline, task.PricePerResult, ct)
                    .ConfigureAwait(false),
                context.CancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            LogDeferred(ex, task.RequestId, task.ProviderTaskId);
            await scheduler.ScheduleSend(context, QueueNames.TaskIds, task, TimeSpan.FromSeconds(1), context.CancellationToken).ConfigureAwait(false);
            return;
        }

        await AnnounceAsync(context, task, recorded).ConfigureAwait(false);
    }

    /// <summary>After the write: the accepted event and the first poll, or, when the row had moved on, its own outcome.</summary>
    public async Task AnnounceAsync(ConsumeContext context, RecordProviderTask task, bool recorded)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(task);
        var ct = context.CancellationToken;
        var row = await store.FindAsync(task.RequestId, ct).ConfigureAwait(false);
        if (row is null)
        {
            return;
        }

        if (!recorded || row.ProviderTaskId != task.ProviderTaskId)
        {
            // The row moved on meanwhile (another delivery ended it): its outcome stands, and nothing is followed twice.
            LogMovedOn(task.RequestId, task.ProviderTaskId, row.Status);
            await context.PublishFinal(row).ConfigureAwait(false);
            return;
        }

        await context.Publish(new GenerationAccepted
        {
            RequestId = row.RequestId,
            Kind = row.Kind,
            Provider = row.Provider,
            Model = row.Model,
            Account = row.Account,
            ProviderTaskId = task.ProviderTaskId,
            AcceptedAt = row.AcceptedAt,
            SubmittedAt = row.SubmittedAt ?? clock.GetUtcNow(),
            Tags = row.Tags,
        }, ct).ConfigureAwait(false);
        await SchedulePollAsync(context, row, 0).ConfigureAwait(false);
    }

    /// <summary>Schedules poll <paramref name="pollNumber"/> of a submitted row on its provider's schedule.</summary>
    public Task SchedulePollAsync(ConsumeContext context, GenerationRecord row, int pollNumber)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(row);
        return scheduler.ScheduleSend(context, QueueNames.Poll(row.Provider),
            new PollProviderTask { RequestId = row.RequestId, Provider = row.Provider, PollNumber = pollNumber },
            readers.For(row.Provider).Schedule(row.Kind, row.Model).DelayBeforePoll(pollNumber, Random.Shared.NextDouble()),
            context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} accepted by {Provider} as task {TaskId}")]
    private partial void LogAccepted(string requestId, string provider, string taskId);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Request {RequestId}: the database did not take task id {TaskId}; it is kept in the task-id queue until it does")]
    private partial void LogDeferred(Exception exception, string requestId, string taskId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Request {RequestId} had already ended ({Status}) when its paid task {TaskId} was recorded; the task is not followed")]
    private partial void LogMovedOn(string requestId, string taskId, string status);
}
