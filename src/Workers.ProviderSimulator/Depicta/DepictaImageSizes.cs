using Workers.ProviderSimulator.UniAll;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>The <c>aspect_ratio</c> and <c>image_size</c> values of Depicta's image endpoints (docs/PROVIDERS.md §4.2).</summary>
internal static class DepictaImageSizes
{
    /// <summary>[ASSUMPTION] The default when neither the story nor the scene sets a ratio.</summary>
    public const string DefaultRatio = "1:1";

    public const string DefaultSize = "1K";

    public static IReadOnlyList<string> Ratios { get; } = ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"];

    public static IReadOnlyList<string> All { get; } = ["1K", "2K"];

    /// <summary>Pixel size of a scene: 1K = 1024 px and 2K = 2048 px on the long side, the short side by the ratio.</summary>
    public static (int Width, int Height) PixelsFor(string ratio, string size) =>
        // Same rule (and ratio list) as UniAll's NanoBanana tiers, so both providers agree on what "1K 16:9" means.
        UniAllAspectRatios.SizeFor(ratio, size == "2K" ? 2048 : 1024);
}
