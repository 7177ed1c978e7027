namespace Workers.ProviderSimulator.Imaging;

/// <summary>The colours of a placeholder image, all of one hue derived from the seed.</summary>
internal sealed record PlaceholderPalette(Rgb Background, Rgb PanelLight, Rgb PanelDark, Rgb Number, Rgb Caption)
{
    public static PlaceholderPalette For(int seed)
    {
        var hue = Scramble(seed) % 360;
        return new PlaceholderPalette(
            Background: Rgb.FromHsl(hue, 0.30, 0.25),
            PanelLight: Rgb.FromHsl(hue, 0.40, 0.80),
            PanelDark: Rgb.FromHsl(hue, 0.40, 0.70),
            Number: Rgb.FromHsl(hue, 0.50, 0.15),
            Caption: Rgb.FromHsl(hue, 0.20, 0.92));
    }

    /// <summary>Panels alternate in a checkerboard so that neighbours stay apart even where gutters are thin.</summary>
    public Rgb Panel(int index, int columns) => ((index / columns) + (index % columns)) % 2 == 0 ? PanelLight : PanelDark;

    // Neighbouring seeds should give unrelated hues, so the seed is hashed rather than used directly.
    private static uint Scramble(int seed)
    {
        var x = unchecked((uint)seed * 0x9E3779B9u);
        x ^= x >> 16;
        x = unchecked(x * 0x85EBCA6Bu);
        x ^= x >> 13;
        return x;
    }
}
