namespace Workers.ProviderSimulator.Imaging;

/// <summary>An opaque 8-bit-per-channel colour.</summary>
internal readonly record struct Rgb(byte R, byte G, byte B)
{
    /// <summary>The colour packed as VP8L stores it: alpha, red, green, blue from the high byte down.</summary>
    public uint Argb => 0xFF000000u | ((uint)R << 16) | ((uint)G << 8) | B;

    public static Rgb FromArgb(uint argb) => new((byte)(argb >> 16), (byte)(argb >> 8), (byte)argb);

    /// <summary>Converts hue (degrees), saturation and lightness (0..1) to RGB.</summary>
    public static Rgb FromHsl(double hue, double saturation, double lightness)
    {
        var chroma = (1 - Math.Abs((2 * lightness) - 1)) * saturation;
        var sector = ((hue % 360) + 360) % 360 / 60;
        var second = chroma * (1 - Math.Abs((sector % 2) - 1));
        var (r, g, b) = (int)sector switch
        {
            0 => (chroma, second, 0.0),
            1 => (second, chroma, 0.0),
            2 => (0.0, chroma, second),
            3 => (0.0, second, chroma),
            4 => (second, 0.0, chroma),
            _ => (chroma, 0.0, second),
        };
        var match = lightness - (chroma / 2);
        return new Rgb(ToByte(r + match), ToByte(g + match), ToByte(b + match));
    }

    private static byte ToByte(double channel) => (byte)Math.Clamp((int)Math.Round(channel * 255), 0, 255);
}
