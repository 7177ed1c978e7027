using System.Globalization;
using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Video;

/// <summary>
/// The pictures of a placeholder video: the placeholder image with a counter box ("00:03 F025": time at the frame's start,
/// frame number) in the first panel's corner. The image is converted once; each later frame redraws and converts only
/// the macroblocks around the counter, and reports which of them changed.
/// </summary>
internal sealed class PlaceholderFrames
{
    // The counter's font scale per pixel of the short side: 6 at 1080p, 4 at 720p, 2 at 480p.
    private const int ShortSidePerScale = 180;

    private readonly PlaceholderPalette _palette;
    private readonly int _framesPerSecond;
    private readonly string _frameNumberFormat;
    private readonly PixelRect _box;
    private readonly int _scale;

    public PlaceholderFrames(VideoSpec spec, int frameCount)
    {
        // Landscape videos get two panels side by side, portrait ones two stacked. The format does not matter to the renderer.
        var landscape = spec.Width >= spec.Height;
        var image = new ImageSpec(spec.Width, spec.Height, ImageFormat.Png, landscape ? 2 : 1, landscape ? 1 : 2, spec.Seed, spec.Caption);
        Canvas = PlaceholderRenderer.Draw(image);
        _palette = PlaceholderPalette.For(spec.Seed);
        _framesPerSecond = spec.FramesPerSecond;

        // Every frame's counter has the same length, so the box never changes size.
        _frameNumberFormat = "D" + frameCount.ToString(CultureInfo.InvariantCulture).Length.ToString(CultureInfo.InvariantCulture);
        var length = CounterText(0).Length;
        var panel = PlaceholderLayout.For(image).Panels[0];
        _scale = Math.Max(1, Math.Min(spec.Width, spec.Height) / ShortSidePerScale);
        while (_scale > 1 && BoxSide(BitmapFont.TextWidth(length), _scale) > panel.Width)
        {
            _scale--;
        }

        _box = new PixelRect(panel.X + _scale, panel.Y + _scale, BoxSide(BitmapFont.TextWidth(length), _scale), BoxSide(BitmapFont.GlyphHeight, _scale));
        CounterArea = MacroblockArea(_box, spec.Width, spec.Height);
        DrawCounter(0);
        Picture = new YCbCrPlanes(Canvas);
    }

    /// <summary>The current frame, updated in place by <see cref="Advance"/>.</summary>
    public YCbCrPlanes Picture { get; }

    /// <summary>The current frame's pixels before conversion to YCbCr.</summary>
    public Raster Canvas { get; }

    /// <summary>The whole macroblocks, in pixels and cut to the picture, that hold the counter: the only area that changes.</summary>
    public PixelRect CounterArea { get; }

    /// <summary>Moves <see cref="Picture"/> on to the given frame; returns the addresses of the macroblocks that changed, ascending.</summary>
    public IReadOnlyList<int> Advance(int frame)
    {
        DrawCounter(frame);
        if (CounterArea.IsEmpty)
        {
            return [];
        }

        // Converting a crop that starts on a macroblock boundary gives the same samples as converting the whole
        // picture: chroma pairs stay aligned, and a crop that reaches the edge is padded as the picture is.
        var patch = new YCbCrPlanes(Crop(Canvas, CounterArea));
        var (firstColumn, firstRow) = (CounterArea.X / FrameSize.MacroblockSize, CounterArea.Y / FrameSize.MacroblockSize);
        var columns = Picture.LumaStride / FrameSize.MacroblockSize;
        var changed = new List<int>();
        for (var row = 0; row < patch.LumaRows / FrameSize.MacroblockSize; row++)
        {
            for (var column = 0; column < patch.LumaStride / FrameSize.MacroblockSize; column++)
            {
                if (MacroblockCopy.CopyIfDifferent(patch, column, row, Picture, firstColumn + column, firstRow + row))
                {
                    changed.Add(((firstRow + row) * columns) + firstColumn + column);
                }
            }
        }

        return changed;
    }

    private string CounterText(int frame)
    {
        var seconds = frame / _framesPerSecond;
        var number = (frame + 1).ToString(_frameNumberFormat, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:D2}:{seconds % 60:D2} F{number}");
    }

    private void DrawCounter(int frame)
    {
        Canvas.FillRect(_box, _palette.Background);
        Canvas.DrawText(_box.X + _scale, _box.Y + _scale, CounterText(frame), _scale, _palette.Caption);
    }

    // The text plus a margin of one font pixel all round.
    private static int BoxSide(int fontPixels, int scale) => (fontPixels + 2) * scale;

    private static PixelRect MacroblockArea(PixelRect box, int width, int height)
    {
        const int mb = FrameSize.MacroblockSize;
        var (left, top) = (Math.Max(box.X, 0) / mb * mb, Math.Max(box.Y, 0) / mb * mb);
        var right = Math.Min((box.X + box.Width + mb - 1) / mb * mb, width);
        var bottom = Math.Min((box.Y + box.Height + mb - 1) / mb * mb, height);
        return right <= left || bottom <= top ? default : new PixelRect(left, top, right - left, bottom - top);
    }

    private static Raster Crop(Raster raster, PixelRect area)
    {
        var crop = new Raster(area.Width, area.Height, default);
        for (var y = 0; y < area.Height; y++)
        {
            raster.Row(area.Y + y).Slice(area.X, area.Width).CopyTo(crop.Pixels.AsSpan(y * area.Width));
        }

        return crop;
    }
}
