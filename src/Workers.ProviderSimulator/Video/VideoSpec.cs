namespace Workers.ProviderSimulator.Video;

/// <summary>
/// A placeholder video: frames of the placeholder image (seed colour, numbered panels, caption) with a visibly changing
/// frame/second counter.
/// </summary>
public sealed record VideoSpec(int Width, int Height, double DurationSeconds, int FramesPerSecond = 8, int Seed = 0, string? Caption = null);
