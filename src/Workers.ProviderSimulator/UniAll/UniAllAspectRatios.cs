using System.Globalization;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>The aspect ratios NanoBanana* accept, and the pixel size they give at a model's tier.</summary>
internal static class UniAllAspectRatios
{
    public const string Default = "1:1";

    public static IReadOnlyList<string> All { get; } = ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"];

    public static bool IsKnown(string ratio) => All.Contains(ratio, StringComparer.Ordinal);

    /// <summary>
    /// The output size for a known ratio: the tier sets the long side (1K = 1024 px, 0.5K = 512 px, …) and the
    /// short side follows the ratio, rounded to a multiple of 8 as image models do. [ASSUMPTION] The real service's
    /// exact sizes are not published.
    /// </summary>
    public static (int Width, int Height) SizeFor(string ratio, int longSidePixels)
    {
        var colon = ratio.IndexOf(':', StringComparison.Ordinal);
        var w = int.Parse(ratio.AsSpan(0, colon), CultureInfo.InvariantCulture);
        var h = int.Parse(ratio.AsSpan(colon + 1), CultureInfo.InvariantCulture);
        var shortSide = (int)Math.Round((double)longSidePixels * Math.Min(w, h) / Math.Max(w, h) / 8) * 8;
        return w >= h ? (longSidePixels, shortSide) : (shortSide, longSidePixels);
    }
}
