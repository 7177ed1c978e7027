using MassTransit;

namespace Workers.Components.Scheduling;

/// <summary>The RabbitMQ implementation of <see cref="IDelayedMessageScheduler"/>.</summary>
sealed class DelayedMessageScheduler(DelayLevels levels) : IDelayedMessageScheduler
{
    public TimeSpan MaxDelay => levels.MaxDelay;

    public Task ScheduleSend<T>(ISendEndpointProvider provider, string destinationQueue, T message, TimeSpan delay,
        CancellationToken cancellationToken)
        where T : class =>
        provider.ScheduleSend(levels, destinationQueue, message, delay, cancellationToken);
}
