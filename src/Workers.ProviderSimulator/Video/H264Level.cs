namespace Workers.ProviderSimulator.Video;

/// <summary>Picks the lowest H.264 level (Table A-1) whose frame size and macroblock rate admit the video.</summary>
internal static class H264Level
{
    // (level_idc, MaxMBPS, MaxFS). Levels 1 to 1.3 and 2.2 are left out: their coded picture buffer cannot hold a
    // picture of all-I_PCM macroblocks of the largest size they admit, which this encoder may send.
    private static readonly (int Idc, int MaxMacroblocksPerSecond, int MaxFrameMacroblocks)[] Levels =
    [
        (20, 11_880, 396),
        (21, 19_800, 792),
        (30, 40_500, 1_620),
        (31, 108_000, 3_600),
        (32, 216_000, 5_120),
        (40, 245_760, 8_192),
        (41, 245_760, 8_192),
        (42, 522_240, 8_704),
        (50, 589_824, 22_080),
        (51, 983_040, 36_864),
        (52, 2_073_600, 36_864),
    ];

    /// <summary>The largest frame, in macroblocks, of the highest level this encoder signals.</summary>
    public static int MaxFrameMacroblocks => Levels[^1].MaxFrameMacroblocks;

    public static int For(FrameSize size, int framesPerSecond)
    {
        var frame = size.MacroblockCount;
        var longSide = Math.Max(size.MacroblockColumns, size.MacroblockRows);
        foreach (var (idc, perSecond, maxFrame) in Levels)
        {
            // Table A-1 also bounds each side by sqrt(8 × MaxFS), which keeps long thin pictures from slipping in.
            if (frame <= maxFrame && (long)frame * framesPerSecond <= perSecond && (long)longSide * longSide <= 8L * maxFrame)
            {
                return idc;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(size), size, "No H.264 level admits this frame size and rate.");
    }
}
