using System.Data.Common;
using MassTransit;
using Microsoft.Extensions.Logging;
using Workers.Components.Scheduling;
using Workers.Components.Topology;
using Workers.Persistence.Generations;

namespace Workers.Components.Submission;

/// <summary>
/// Writes task ids that the database could not take when the provider returned them, retrying through the delay
/// levels (up to a minute apart) for as long as the database is away: a paid task is never dropped.
/// </summary>
public sealed partial class RecordProviderTaskConsumer(
    GenerationStore store,
    AcceptedTasks accepted,
    IDelayedMessageScheduler scheduler,
    ILogger<RecordProviderTaskConsumer> logger) : IConsumer<RecordProviderTask>
{
    public async Task Consume(ConsumeContext<RecordProviderTask> context)
    {
        var task = context.Message;
        bool recorded;
        try
        {
            recorded = await store.TryMarkSubmittedAsync(task.RequestId, task.ProviderTaskId, task.Details, task.Deadline, task.PricePerResult,
                context.CancellationToken).ConfigureAwait(false);
        }
        catch (DbException ex)
        {
            var delay = TimeSpan.FromSeconds(Math.Min(60, Math.Pow(2, task.Attempt)));
            LogStillAway(ex, task.RequestId, task.ProviderTaskId, task.Attempt, delay);
            await scheduler.ScheduleSend(context, QueueNames.TaskIds, task with { Attempt = task.Attempt + 1 }, delay, context.CancellationToken)
                .ConfigureAwait(false);
            return;
        }

        await accepted.AnnounceAsync(context, task, recorded).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Request {RequestId}: task id {TaskId} still cannot be written (attempt {Attempt}); trying again in {Delay}")]
    private partial void LogStillAway(Exception exception, string requestId, string taskId, int attempt, TimeSpan delay);
}
