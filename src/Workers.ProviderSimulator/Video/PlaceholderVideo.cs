namespace Workers.ProviderSimulator.Video;

/// <summary>
/// Renders placeholder videos as MP4 files with one H.264 (Constrained Baseline) track. Every frame is lossless: the
/// first is sent whole, later ones only where the counter changed, so files stay small and decode exactly.
/// </summary>
public static class PlaceholderVideo
{
    public const string ContentType = "video/mp4";
    public const string Extension = "mp4";

    // Each side up to 4096 and the frame up to 36,864 macroblocks (H.264 level 5.2): 3840×2160 and 4096×2304 fit, in
    // either orientation.
    private const int MaxDimension = 4096;
    private const double MaxDurationSeconds = 60;
    private const int MaxFramesPerSecond = 30;

    /// <summary>Renders and encodes the video; the same spec always gives the same bytes.</summary>
    public static byte[] Render(VideoSpec spec)
    {
        Validate(spec);
        var size = new FrameSize(spec.Width, spec.Height);
        var timing = VideoTiming.For(spec.DurationSeconds, spec.FramesPerSecond);
        var pictures = new PlaceholderFrames(spec, timing.FrameCount);
        var slices = new SliceWriter(size);

        var frames = new List<byte[]>(timing.FrameCount) { slices.Idr(pictures.Picture) };
        for (var frame = 1; frame < timing.FrameCount; frame++)
        {
            var changed = pictures.Advance(frame);
            frames.Add(slices.Predicted(pictures.Picture, frame, changed));
        }

        var sps = ParameterSets.Sequence(size, spec.FramesPerSecond);
        return Mp4Muxer.Write(new Mp4VideoTrack(size, sps, ParameterSets.Picture(), frames, timing));
    }

    private static void Validate(VideoSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Width, MaxDimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Height, MaxDimension);

        // 4:2:0 video can only crop in steps of two pixels, so odd sizes cannot be signalled (x264 refuses them too).
        if (spec.Width % 2 != 0 || spec.Height % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"{spec.Width}×{spec.Height}: H.264 4:2:0 video needs an even width and height.");
        }

        if (new FrameSize(spec.Width, spec.Height).MacroblockCount > H264Level.MaxFrameMacroblocks)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), $"{spec.Width}×{spec.Height} is larger than H.264 level 5.2 allows (4096×2304).");
        }

        // Written so that NaN fails too.
        if (!(spec.DurationSeconds > 0 && spec.DurationSeconds <= MaxDurationSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.DurationSeconds, $"DurationSeconds must be above 0 and at most {MaxDurationSeconds}.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.FramesPerSecond);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.FramesPerSecond, MaxFramesPerSecond);
    }
}
