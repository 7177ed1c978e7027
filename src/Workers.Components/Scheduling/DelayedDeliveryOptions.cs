using System.ComponentModel.DataAnnotations;

namespace Workers.Components.Scheduling;

/// <summary>Options of delayed delivery through the TTL + dead-letter delay levels.</summary>
public sealed class DelayedDeliveryOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "DelayedDelivery";

    /// <summary>
    /// Highest delay level: delays up to 2^(MaxLevel+1) - 1 seconds. 16 is the lowest that still covers 24 h;
    /// 22 is RabbitMQ's limit. Must be the same in every process on a broker (changing it means draining the levels).
    /// </summary>
    [Range(16, DelayLevels.HighestSupportedLevel)]
    public int MaxLevel { get; set; } = DelayLevels.DefaultMaxLevel;

    /// <summary>How long start-up keeps trying to declare the delay topology before the host fails to start.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan TopologyStartupTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Pause between attempts to declare the delay topology while the broker is unreachable.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ParseLimitsInInvariantCulture = true)]
    public TimeSpan TopologyRetryInterval { get; set; } = TimeSpan.FromSeconds(2);
}
