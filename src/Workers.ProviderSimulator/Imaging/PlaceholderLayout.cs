using System.Globalization;

namespace Workers.ProviderSimulator.Imaging;

/// <summary>Where the panels, their numbers and the caption of a placeholder image go.</summary>
internal sealed class PlaceholderLayout
{
    // Numbers fill at most this share of a panel's height and width, leaving a clear band of panel colour around them.
    private const double NumberHeightShare = 0.55;
    private const double NumberWidthShare = 0.6;

    private PlaceholderLayout(IReadOnlyList<PixelRect> panels, int numberScale, string caption, int captionScale, int captionX, int captionY)
    {
        Panels = panels;
        NumberScale = numberScale;
        Caption = caption;
        CaptionScale = captionScale;
        CaptionX = captionX;
        CaptionY = captionY;
    }

    /// <summary>Panel rectangles in reading order: panel i shows the number i + 1.</summary>
    public IReadOnlyList<PixelRect> Panels { get; }

    /// <summary>Font scale shared by every panel number, so that all numbers look alike; 0 when panels are too small for one.</summary>
    public int NumberScale { get; }

    /// <summary>The caption as it will be drawn: cut to the characters that fit, empty when there is none.</summary>
    public string Caption { get; }

    public int CaptionScale { get; }

    public int CaptionX { get; }

    public int CaptionY { get; }

    public static PlaceholderLayout For(ImageSpec spec)
    {
        var shortSide = Math.Min(spec.Width, spec.Height);
        var spacing = Math.Max(1, shortSide / 64);
        var captionScale = string.IsNullOrEmpty(spec.Caption) ? 0 : Math.Max(1, shortSide / 320);
        var captionHeight = BitmapFont.GlyphHeight * captionScale;
        var captionBand = captionScale == 0 ? 0 : captionHeight + spacing;
        var area = new PixelRect(spacing, spacing, spec.Width - (2 * spacing), spec.Height - (2 * spacing) - captionBand);

        var panels = SplitIntoPanels(area, spec.Columns, spec.Rows, spacing);
        var digits = (spec.Columns * spec.Rows).ToString(CultureInfo.InvariantCulture).Length;
        var caption = FitCaption(spec.Caption, spec.Width - (2 * spacing), captionScale);
        return new PlaceholderLayout(panels, FitNumberScale(panels, digits), caption, captionScale, spacing, spec.Height - spacing - captionHeight);
    }

    private static PixelRect[] SplitIntoPanels(PixelRect area, int columns, int rows, int gutter)
    {
        var panels = new PixelRect[columns * rows];
        for (var row = 0; row < rows; row++)
        {
            // Edges are spread by integer division so the panels tile the area exactly, differing by at most a pixel.
            var top = area.Y + (row * (area.Height + gutter) / rows);
            var bottom = area.Y + ((row + 1) * (area.Height + gutter) / rows) - gutter;
            for (var column = 0; column < columns; column++)
            {
                var left = area.X + (column * (area.Width + gutter) / columns);
                var right = area.X + ((column + 1) * (area.Width + gutter) / columns) - gutter;
                panels[(row * columns) + column] = new PixelRect(left, top, right - left, bottom - top);
            }
        }

        return panels;
    }

    private static int FitNumberScale(PixelRect[] panels, int digits)
    {
        var width = panels.Min(panel => panel.Width);
        var height = panels.Min(panel => panel.Height);
        var byHeight = (int)(height * NumberHeightShare / BitmapFont.GlyphHeight);
        var byWidth = (int)(width * NumberWidthShare / BitmapFont.TextWidth(digits));
        return Math.Max(0, Math.Min(byHeight, byWidth));
    }

    private static string FitCaption(string? caption, int width, int scale)
    {
        if (string.IsNullOrEmpty(caption) || scale == 0)
        {
            return string.Empty;
        }

        var fits = Math.Max(0, (width + scale) / (BitmapFont.Advance * scale));
        return caption.Length <= fits ? caption : caption[..fits];
    }
}
