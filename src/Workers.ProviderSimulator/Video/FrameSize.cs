namespace Workers.ProviderSimulator.Video;

/// <summary>A picture size and the grid of 16×16 macroblocks that covers it; the SPS crops the excess.</summary>
internal readonly record struct FrameSize(int Width, int Height)
{
    public const int MacroblockSize = 16;

    public int MacroblockColumns => (Width + MacroblockSize - 1) / MacroblockSize;

    public int MacroblockRows => (Height + MacroblockSize - 1) / MacroblockSize;

    public int MacroblockCount => MacroblockColumns * MacroblockRows;

    /// <summary>Columns of padding on the right, in the 2-pixel crop units of 4:2:0 video.</summary>
    public int CropRight => ((MacroblockColumns * MacroblockSize) - Width) / 2;

    /// <summary>Rows of padding at the bottom, in the 2-pixel crop units of 4:2:0 video.</summary>
    public int CropBottom => ((MacroblockRows * MacroblockSize) - Height) / 2;
}
