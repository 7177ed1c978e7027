namespace Workers.ProviderSimulator;

/// <summary>A uniform range of simulated run times, in seconds at speed factor 1.</summary>
public sealed class DurationRange
{
    public DurationRange()
    {
    }

    public DurationRange(double minSeconds, double maxSeconds)
    {
        MinSeconds = minSeconds;
        MaxSeconds = maxSeconds;
    }

    public double MinSeconds { get; set; }

    public double MaxSeconds { get; set; }

    /// <summary>The run time for <paramref name="key"/> (a task id): the same key always gets the same time.</summary>
    public TimeSpan Pick(string key, double speedFactor) =>
        TimeSpan.FromSeconds((MinSeconds + ((MaxSeconds - MinSeconds) * StableHash.Unit(key))) / speedFactor);

    internal void CollectErrors(string path, ICollection<string> errors)
    {
        if (!double.IsFinite(MinSeconds) || MinSeconds < 0)
        {
            errors.Add($"{path}:MinSeconds must be a finite number >= 0 (was {MinSeconds}).");
        }

        if (!double.IsFinite(MaxSeconds) || MaxSeconds < MinSeconds)
        {
            errors.Add($"{path}:MaxSeconds must be a finite number >= MinSeconds (was {MaxSeconds}).");
        }
    }
}
