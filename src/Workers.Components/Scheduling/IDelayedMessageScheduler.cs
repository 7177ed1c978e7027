using MassTransit;

namespace Workers.Components.Scheduling;

/// <summary>
/// Schedules messages through the delay levels with the process's configured <see cref="DelayLevels"/>; the seam that
/// consumers depend on, so in-memory tests can replace it.
/// </summary>
public interface IDelayedMessageScheduler
{
    /// <summary>The longest delay that can be scheduled.</summary>
    TimeSpan MaxDelay { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="destinationQueue"/> after <paramref name="delay"/> (whole seconds, rounded up).</summary>
    Task ScheduleSend<T>(ISendEndpointProvider provider, string destinationQueue, T message, TimeSpan delay,
        CancellationToken cancellationToken)
        where T : class;
}
