namespace Workers.ProviderSimulator.Imaging;

/// <summary>An opaque RGB pixel buffer, row-major, one ARGB word per pixel, that encoders read and the renderer draws on.</summary>
internal sealed class Raster
{
    public Raster(int width, int height, Rgb background)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
        Pixels = new uint[checked(width * height)];
        Array.Fill(Pixels, background.Argb);
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The pixels as 0xAARRGGBB words; alpha is always 0xFF.</summary>
    public uint[] Pixels { get; }

    public Rgb this[int x, int y]
    {
        get => Rgb.FromArgb(Pixels[(y * Width) + x]);
        set => Pixels[(y * Width) + x] = value.Argb;
    }

    public ReadOnlySpan<uint> Row(int y) => Pixels.AsSpan(y * Width, Width);

    /// <summary>Fills the part of the rectangle that lies inside the raster.</summary>
    public void FillRect(PixelRect rect, Rgb colour)
    {
        var left = Math.Max(rect.X, 0);
        var top = Math.Max(rect.Y, 0);
        var right = Math.Min(rect.X + rect.Width, Width);
        var bottom = Math.Min(rect.Y + rect.Height, Height);
        if (left >= right || top >= bottom)
        {
            return;
        }

        var argb = colour.Argb;
        for (var y = top; y < bottom; y++)
        {
            Pixels.AsSpan((y * Width) + left, right - left).Fill(argb);
        }
    }

    /// <summary>Draws text in the built-in font with its top-left corner at (x, y), each font pixel a scale×scale square.</summary>
    public void DrawText(int x, int y, string text, int scale, Rgb colour)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var glyph = BitmapFont.Glyph(text[i]);
            var glyphX = x + (i * BitmapFont.Advance * scale);
            for (var row = 0; row < BitmapFont.GlyphHeight; row++)
            {
                for (var column = 0; column < BitmapFont.GlyphWidth; column++)
                {
                    if (BitmapFont.IsInk(glyph, row, column))
                    {
                        FillRect(new PixelRect(glyphX + (column * scale), y + (row * scale), scale, scale), colour);
                    }
                }
            }
        }
    }
}
