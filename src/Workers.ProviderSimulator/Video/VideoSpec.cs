namespace Workers.ProviderSimulator.Video;

// TEMPORARY until wt/video lands.

/// <summary>A placeholder video: size, length, frame rate, colour seed and an optional caption.</summary>
public sealed record VideoSpec(int Width, int Height, double DurationSeconds, int FramesPerSecond = 8, int Seed = 0, string? Caption = null);
