using MassTransit;

namespace Workers.Components.Scheduling;

/// <summary>Sends a message to a queue after a delay, through the TTL + dead-letter delay levels.</summary>
public static class DelayedSendExtensions
{
    /// <summary>
    /// Sends <paramref name="message"/> to <paramref name="destinationQueue"/> after <paramref name="delay"/>, rounded up
    /// to whole seconds; a delay of zero or less sends it now. Works from a consume context (so an outbox applies) or
    /// from any <see cref="ISendEndpointProvider"/>. The destination's endpoint must be bound with
    /// <see cref="DelayedDeliveryEndpointExtensions.BindDelayedDelivery(IRabbitMqReceiveEndpointConfigurator)"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is longer than <see cref="DelayLevels.MaxDelay"/>.</exception>
    /// <exception cref="MassTransit.MessageReturnedException">The broker had no queue for the message (topology missing,
    /// or for an immediate send, no endpoint bound to the destination's exchange).</exception>
    public static async Task ScheduleSend<T>(this ISendEndpointProvider provider, DelayLevels levels, string destinationQueue,
        T message, TimeSpan delay, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentNullException.ThrowIfNull(message);
        DelayLevels.EnsureDestination(destinationQueue);

        var seconds = levels.ToDelaySeconds(delay);
        if (seconds == 0)
        {
            // The destination's own fanout exchange, not "queue:": declaring the queue with MassTransit's default
            // (classic) arguments would be refused by a quorum queue of the same name.
            var endpoint = await provider.GetSendEndpoint(new Uri("exchange:" + destinationQueue));
            await endpoint.Send(message, context => PrepareForBroker(context, routingKey: null), cancellationToken);
            return;
        }

        var routingKey = levels.RoutingKey(seconds, destinationQueue);
        var entry = DelayLevels.LevelName(levels.EntryLevel(seconds));

        // MassTransit declares this exchange as topic, durable, without arguments: the same as DelayTopology does.
        var levelEndpoint = await provider.GetSendEndpoint(new Uri($"exchange:{entry}?type=topic"));
        await levelEndpoint.Send(message, context => PrepareForBroker(context, routingKey), cancellationToken);
    }

    static void PrepareForBroker(SendContext context, string? routingKey)
    {
        context.Durable = true;

        // A per-message TTL would be honoured by the level queues and cut the delay short; MassTransit's own
        // Delay would divert the send to the delayed-message plugin's exchange.
        context.TimeToLive = null;
        context.Delay = null;

        if (context.TryGetPayload(out RabbitMqSendContext? rabbitMq))
        {
            // Returned instead of silently dropped when no queue takes it; awaited so the caller knows the broker has it.
            rabbitMq.Mandatory = true;
            rabbitMq.AwaitAck = true;
        }

        if (routingKey is not null)
            context.SetRoutingKey(routingKey);
    }
}
