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
        recorder.Record(id, delivery.RoutingKey, delivery.Properties.Persistent, delivery.Properties.Expiration, LevelsPassed(delivery));
    }

    /// <summary>
    /// The delay levels a message expired from, from RabbitMQ's own <c>x-death</c> record (queue and count per hop): the
    /// structural proof of how long it waited, without reading a clock.
    /// </summary>
    static IReadOnlyDictionary<string, long> LevelsPassed(RabbitMqBasicConsumeContext delivery)
    {
        var passed = new Dictionary<string, long>(StringComparer.Ordinal);
        if (delivery.Properties.Headers?.TryGetValue("x-death", out var deaths) == true && deaths is IEnumerable<object> entries)
        {
            foreach (var entry in entries.OfType<IDictionary<string, object?>>())
            {
                var queue = entry.TryGetValue("queue", out var name) ? Text(name) : null;
                if (queue is not null && entry.TryGetValue("reason", out var reason) && Text(reason) == "expired")
                {
                    passed[queue] = entry.TryGetValue("count", out var count) ? Convert.ToInt64(count, System.Globalization.CultureInfo.InvariantCulture) : 1;
                }
            }
        }

        return passed;
    }

    static string? Text(object? value) => value switch
    {
        byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
        string text => text,
        _ => value?.ToString(),
    };
}
