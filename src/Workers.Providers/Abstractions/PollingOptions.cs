using System.ComponentModel.DataAnnotations;

namespace Workers.Providers.Abstractions;

/// <summary>A provider's poll schedule: first poll, growing intervals, and the overall deadline.</summary>
public sealed class PollingOptions
{
    /// <summary>Delay from acceptance to the first poll.</summary>
    [Range(1, 3600)]
    public int FirstPollSeconds { get; set; } = 2;

    /// <summary>Each interval is the previous one times this factor, up to <see cref="MaxIntervalSeconds"/>.</summary>
    [Range(1.0, 10.0)]
    public double BackoffFactor { get; set; } = 1.5;

    [Range(1, 3600)]
    public int MaxIntervalSeconds { get; set; } = 10;

    /// <summary>Deadline from submission when the command sets no <c>TimeoutSeconds</c>.</summary>
    [Range(1, 7 * 24 * 3600)]
    public int DefaultTimeoutSeconds { get; set; } = 300;

    /// <summary>The delay before poll number <paramref name="pollNumber"/> (0 = the first poll).</summary>
    public TimeSpan DelayBeforePoll(int pollNumber)
    {
        var seconds = FirstPollSeconds * Math.Pow(BackoffFactor, Math.Max(0, pollNumber));
        return TimeSpan.FromSeconds(Math.Ceiling(Math.Min(seconds, MaxIntervalSeconds)));
    }
}
