using System.ComponentModel.DataAnnotations;

namespace Workers.Providers.Abstractions;

/// <summary>
/// A provider's poll schedule: the first poll near the model's typical run time, then intervals growing from
/// <see cref="IntervalSeconds"/> by <see cref="BackoffFactor"/> up to <see cref="MaxIntervalSeconds"/>, jittered, until an
/// overall deadline. <see cref="Models"/> overrides any of it per model.
/// </summary>
public sealed class PollingOptions
{
    /// <summary>Delay from acceptance to the first poll: about the model's typical run time.</summary>
    [Range(1, 3600)]
    public int FirstPollSeconds { get; set; } = 2;

    /// <summary>Delay from the first poll to the second; later ones grow by <see cref="BackoffFactor"/>.</summary>
    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 5;

    /// <summary>Each interval is the previous one times this factor, up to <see cref="MaxIntervalSeconds"/>.</summary>
    [Range(1.0, 10.0)]
    public double BackoffFactor { get; set; } = 1.5;

    [Range(1, 3600)]
    public int MaxIntervalSeconds { get; set; } = 10;

    /// <summary>Deadline from submission when the command sets no <c>TimeoutSeconds</c>.</summary>
    [Range(1, 7 * 24 * 3600)]
    public int DefaultTimeoutSeconds { get; set; } = 300;

    /// <summary>Each delay is spread by up to ± this share, so tasks submitted together do not poll together.</summary>
    [Range(0.0, 0.5)]
    public double JitterFraction { get; set; } = 0.1;

    /// <summary>How long a task the provider does not know yet counts as still being created (some answer 404 for a moment).</summary>
    [Range(0, 3600)]
    public int NotFoundGraceSeconds { get; set; } = 30;

    /// <summary>Model id (as the command names it) → the settings that differ for it.</summary>
    public Dictionary<string, ModelPollingOptions> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The schedule of <paramref name="model"/>.</summary>
    public PollSchedule For(string model)
    {
        var own = Models.GetValueOrDefault(model ?? "");
        return new PollSchedule(
            TimeSpan.FromSeconds(own?.FirstPollSeconds ?? FirstPollSeconds),
            TimeSpan.FromSeconds(own?.IntervalSeconds ?? IntervalSeconds),
            BackoffFactor,
            TimeSpan.FromSeconds(own?.MaxIntervalSeconds ?? MaxIntervalSeconds),
            TimeSpan.FromSeconds(own?.DefaultTimeoutSeconds ?? DefaultTimeoutSeconds),
            JitterFraction,
            TimeSpan.FromSeconds(NotFoundGraceSeconds));
    }
}

/// <summary>The poll settings of one model; unset ones come from the provider's.</summary>
public sealed class ModelPollingOptions
{
    [Range(1, 3600)]
    public int? FirstPollSeconds { get; set; }

    [Range(1, 3600)]
    public int? IntervalSeconds { get; set; }

    [Range(1, 3600)]
    public int? MaxIntervalSeconds { get; set; }

    [Range(1, 7 * 24 * 3600)]
    public int? DefaultTimeoutSeconds { get; set; }
}

/// <summary>When to poll one task, and until when.</summary>
public sealed record PollSchedule(
    TimeSpan FirstPoll, TimeSpan Interval, double BackoffFactor, TimeSpan MaxInterval, TimeSpan Timeout, double JitterFraction,
    TimeSpan NotFoundGrace)
{
    /// <summary>
    /// The delay before poll number <paramref name="pollNumber"/>, without jitter: <see cref="FirstPoll"/> for the first (0),
    /// never cut short by <see cref="MaxInterval"/>, which caps only the intervals after it.
    /// </summary>
    public TimeSpan BaseDelay(int pollNumber)
    {
        if (pollNumber <= 0)
        {
            return FirstPoll;
        }

        var seconds = Interval.TotalSeconds * Math.Pow(BackoffFactor, pollNumber - 1);
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxInterval.TotalSeconds));
    }

    /// <summary>The delay before poll number <paramref name="pollNumber"/>, spread by <paramref name="random"/> ∈ [0, 1).</summary>
    public TimeSpan DelayBeforePoll(int pollNumber, double random)
    {
        var spread = 1 + (JitterFraction * ((2 * random) - 1));
        return TimeSpan.FromSeconds(Math.Max(1, BaseDelay(pollNumber).TotalSeconds * spread));
    }
}
