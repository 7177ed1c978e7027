namespace Workers.ProviderSimulator.Video;

/// <summary>
/// Frame count and sample durations for a requested length. The timescale gives each frame 1000 ticks, and the last
/// frame is cut short where the length is not a whole number of frames, so the file lasts exactly what was asked
/// (to the millisecond or finer).
/// </summary>
internal sealed record VideoTiming(int FrameCount, int Timescale, int LastFrameTicks)
{
    public const int FrameTicks = 1000;

    public long TotalTicks => ((long)(FrameCount - 1) * FrameTicks) + LastFrameTicks;

    public static VideoTiming For(double seconds, int framesPerSecond)
    {
        var timescale = framesPerSecond * FrameTicks;

        // Counting in whole ticks first keeps float noise (0.1 s × 30 = 3.0000000000000004 frames) from adding a frame.
        var total = Math.Max(1, (long)Math.Round(seconds * timescale, MidpointRounding.AwayFromZero));
        var frames = (int)((total + FrameTicks - 1) / FrameTicks);
        return new VideoTiming(frames, timescale, (int)(total - ((long)(frames - 1) * FrameTicks)));
    }
}
