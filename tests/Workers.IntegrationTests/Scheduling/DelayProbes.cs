using MassTransit;
using Workers.Components.Scheduling;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>A message whose arrival a test waits for.</summary>
public sealed record DelayProbe(Guid Id);

/// <summary>A message whose consumer schedules it again, <paramref name="HopsLeft"/> more times, as a poll loop does.</summary>
public sealed record RescheduleProbe(Guid Id, int HopsLeft, int DelaySeconds, string Destination);

public sealed class DelayProbeConsumer(DelayProbeRecorder recorder) : IConsumer<DelayProbe>
{
    public Task Consume(ConsumeContext<DelayProbe> context)
    {
        recorder.Record(context.Message.Id, context);
        return Task.CompletedTask;
    }
}

public sealed class RescheduleProbeConsumer(DelayProbeRecorder recorder, IDelayedMessageScheduler scheduler)
    : IConsumer<RescheduleProbe>
{
    public async Task Consume(ConsumeContext<RescheduleProbe> context)
    {
        recorder.Record(context.Message.Id, context);

        var probe = context.Message;
        if (probe.HopsLeft > 0)
        {
            await scheduler.ScheduleSend(context, probe.Destination, probe with { HopsLeft = probe.HopsLeft - 1 },
                TimeSpan.FromSeconds(probe.DelaySeconds), context.CancellationToken);
        }
    }
}

static class DelayProbeRecording
{
    public static void Record(this DelayProbeRecorder recorder, Guid id, ConsumeContext context)
    {
        var delivery = context.ReceiveContext.GetPayload<RabbitMqBasicConsumeContext>();
        recorder.Record(id, delivery.RoutingKey, delivery.Properties.Persistent, delivery.Properties.Expiration);
    }
}
