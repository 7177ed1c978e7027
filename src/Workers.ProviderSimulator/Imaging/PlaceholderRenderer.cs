using System.Globalization;

namespace Workers.ProviderSimulator.Imaging;

/// <summary>Draws the pixels of a placeholder image; encoding is left to the format encoders.</summary>
internal static class PlaceholderRenderer
{
    public static Raster Draw(ImageSpec spec)
    {
        var layout = PlaceholderLayout.For(spec);
        var palette = PlaceholderPalette.For(spec.Seed);
        var raster = new Raster(spec.Width, spec.Height, palette.Background);

        for (var i = 0; i < layout.Panels.Count; i++)
        {
            var panel = layout.Panels[i];
            raster.FillRect(panel, palette.Panel(i, spec.Columns));
            if (layout.NumberScale > 0 && !panel.IsEmpty)
            {
                DrawCentred(raster, panel, (i + 1).ToString(CultureInfo.InvariantCulture), layout.NumberScale, palette.Number);
            }
        }

        if (layout.Caption.Length > 0)
        {
            raster.DrawText(layout.CaptionX, layout.CaptionY, layout.Caption, layout.CaptionScale, palette.Caption);
        }

        return raster;
    }

    private static void DrawCentred(Raster raster, PixelRect panel, string text, int scale, Rgb colour)
    {
        var width = BitmapFont.TextWidth(text.Length) * scale;
        var height = BitmapFont.GlyphHeight * scale;
        raster.DrawText(panel.CenterX - (width / 2), panel.CenterY - (height / 2), text, scale, colour);
    }
}
