// TEMPORARY until wt/video lands
namespace Workers.ProviderSimulator.Video;

/// <summary>A placeholder video to render.</summary>
public sealed record VideoSpec(int Width, int Height, double DurationSeconds, int FramesPerSecond = 8, int Seed = 0, string? Caption = null);
