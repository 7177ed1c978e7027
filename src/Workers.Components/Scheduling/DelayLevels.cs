using System.Globalization;
using System.Text;

namespace Workers.Components.Scheduling;

/// <summary>
/// The arithmetic of binary delay levels: level N holds a message for 2^N seconds, and the routing key
/// carries the delay's bits (from <see cref="MaxLevel"/> down to 0) followed by the destination queue name.
/// </summary>
/// <remarks>
/// Every process on one broker must use the same <see cref="MaxLevel"/>: the binding patterns count bit
/// positions from the left of the routing key, so keys of another width would be routed at the wrong bits.
/// </remarks>
public sealed class DelayLevels
{
    /// <summary>The default highest level: delays up to 2^18 - 1 s (about 72 h).</summary>
    public const int DefaultMaxLevel = 17;

    /// <summary>The highest level RabbitMQ can hold: x-message-ttl is an unsigned 32-bit count of milliseconds.</summary>
    public const int HighestSupportedLevel = 22;

    /// <summary>AMQP 0-9-1 limits a routing key to 255 bytes (a short string).</summary>
    const int MaxRoutingKeyBytes = 255;

    public DelayLevels(int maxLevel = DefaultMaxLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLevel, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLevel, HighestSupportedLevel);

        MaxLevel = maxLevel;
        MaxDelaySeconds = (1L << (maxLevel + 1)) - 1;
    }

    /// <summary>The highest level; its queue holds messages for 2^MaxLevel seconds.</summary>
    public int MaxLevel { get; }

    /// <summary>The longest delay, in whole seconds: every level once.</summary>
    public long MaxDelaySeconds { get; }

    /// <summary>The longest delay that can be scheduled.</summary>
    public TimeSpan MaxDelay => TimeSpan.FromSeconds(MaxDelaySeconds);

    /// <summary>The levels from 0 to <see cref="MaxLevel"/>.</summary>
    public IEnumerable<int> Levels => Enumerable.Range(0, MaxLevel + 1);

    /// <summary>The name of both the exchange and the queue of a level, e.g. <c>delay-level-07</c>.</summary>
    public static string LevelName(int level) => "delay-level-" + level.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>How long a level's queue holds each message.</summary>
    public static TimeSpan LevelTimeToLive(int level) => TimeSpan.FromSeconds(1L << level);

    /// <summary>Where a level's expired messages go: the level below, or the delivery exchange after level 0.</summary>
    public static string DeadLetterExchange(int level) =>
        level == 0 ? DelayTopologyNames.DeliveryExchange : LevelName(level - 1);

    /// <summary>
    /// Rounds a delay up to whole seconds (so a message never arrives early); zero or less means "now".
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The delay is longer than <see cref="MaxDelay"/>.</exception>
    public long ToDelaySeconds(TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
            return 0;

        if (delay > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay,
                $"Delays above {MaxDelay} ({MaxDelaySeconds} s, MaxLevel {MaxLevel}) cannot be scheduled.");
        }

        var whole = delay.Ticks / TimeSpan.TicksPerSecond;
        return delay.Ticks % TimeSpan.TicksPerSecond == 0 ? whole : whole + 1;
    }

    /// <summary>The level of the delay's highest set bit: where the message enters (fewest hops).</summary>
    public int EntryLevel(long delaySeconds)
    {
        EnsureSchedulable(delaySeconds);
        return 63 - (int)long.LeadingZeroCount(delaySeconds);
    }

    /// <summary>
    /// The routing key for a delay: its bits from <see cref="MaxLevel"/> down to 0, dot-separated, then the destination,
    /// e.g. <c>0.….1.0.1.uniall-poll</c> for 5 s.
    /// </summary>
    public string RoutingKey(long delaySeconds, string destinationQueue)
    {
        EnsureSchedulable(delaySeconds);
        EnsureDestination(destinationQueue);

        var key = new StringBuilder((MaxLevel + 1) * 2 + destinationQueue.Length);
        for (var level = MaxLevel; level >= 0; level--)
            key.Append(((delaySeconds >> level) & 1) == 1 ? '1' : '0').Append('.');

        key.Append(destinationQueue);

        if (Encoding.UTF8.GetByteCount(key.ToString()) > MaxRoutingKeyBytes)
        {
            throw new ArgumentException(
                $"The destination '{destinationQueue}' makes the routing key longer than {MaxRoutingKeyBytes} bytes.",
                nameof(destinationQueue));
        }

        return key.ToString();
    }

    /// <summary>The pattern binding a level's exchange to its queue: a 1 at the level's bit.</summary>
    public string QueueBindingPattern(int level) => BitPattern(level, '1');

    /// <summary>The pattern binding a level's exchange to the next hop (<see cref="DeadLetterExchange"/>): a 0 at the level's bit.</summary>
    public string NextHopBindingPattern(int level) => BitPattern(level, '0');

    /// <summary>The pattern binding the delivery exchange to a destination: its name as the last word.</summary>
    public static string DeliveryBindingPattern(string destinationQueue)
    {
        EnsureDestination(destinationQueue);
        return "#." + destinationQueue;
    }

    /// <summary>
    /// Throws unless the name can be the last word of a topic routing key: a dot would split it into words
    /// and '*' or '#' would act as wildcards in the delivery binding.
    /// </summary>
    public static void EnsureDestination(string destinationQueue)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destinationQueue);

        if (destinationQueue.AsSpan().IndexOfAny(".*#") >= 0)
        {
            throw new ArgumentException(
                $"The destination '{destinationQueue}' must not contain '.', '*' or '#': it is one word of a topic routing key.",
                nameof(destinationQueue));
        }
    }

    string BitPattern(int level, char bit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, MaxLevel);

        return string.Concat(Enumerable.Repeat("*.", MaxLevel - level)) + bit + ".#";
    }

    void EnsureSchedulable(long delaySeconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delaySeconds, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(delaySeconds, MaxDelaySeconds);
    }
}
