using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>The model families of seed 004; their rules differ (size vs aspect ratio, formats, n).</summary>
internal enum UniAllFamily
{
    NanoBanana,
    NanoBanana2,
    NanoBananaPro,
    GptImage2,

    /// <summary>
    /// [ASSUMPTION] docs/PROVIDERS.md §5.2 only says grok-imagine-image[-quality] share the task endpoint; their rules are not in
    /// the seed, so they are taken as aspect-ratio models like NanoBanana (png/jpeg, one image, tier fixes the size).
    /// </summary>
    GrokImagine,
}

/// <summary>One UniAll image model and what it accepts.</summary>
/// <remarks><c>LongSidePixels</c>: the long side of NanoBanana outputs at the model's tier; null for gpt-image-2, whose <c>size</c> decides.</remarks>
internal sealed record UniAllModel(string Id, UniAllFamily Family, int? LongSidePixels, IReadOnlyList<string> OutputFormats)
{
    public bool IsGptImage2 => Family == UniAllFamily.GptImage2;
}

/// <summary>The model catalogue of seed 004 and docs/PROVIDERS.md §5.2 (names are matched exactly, as the gateway does).</summary>
internal static class UniAllModels
{
    public const string GptImage2 = "gpt-image-2";

    // Outputs are capped at 4096 px on the long side (8K included) to keep placeholder rendering light.
    private const int MaxLongSidePixels = 4096;

    private static readonly string[] AllFormats = ["png", "jpeg", "webp"];
    private static readonly string[] NoWebp = ["png", "jpeg"];

    public static IReadOnlyList<UniAllModel> All { get; } =
    [
        new("NanoBanana", UniAllFamily.NanoBanana, 1024, AllFormats),
        new("NanoBanana2-0.5K", UniAllFamily.NanoBanana2, 512, NoWebp),
        new("NanoBanana2-1K", UniAllFamily.NanoBanana2, 1024, NoWebp),
        new("NanoBanana2-2K", UniAllFamily.NanoBanana2, 2048, NoWebp),
        new("NanoBanana2-4K", UniAllFamily.NanoBanana2, MaxLongSidePixels, NoWebp),
        new("NanoBananaPro-1K", UniAllFamily.NanoBananaPro, 1024, NoWebp),
        new("NanoBananaPro-2K", UniAllFamily.NanoBananaPro, 2048, NoWebp),
        new("NanoBananaPro-4K", UniAllFamily.NanoBananaPro, MaxLongSidePixels, NoWebp),
        new("NanoBananaPro-8K", UniAllFamily.NanoBananaPro, MaxLongSidePixels, NoWebp),
        new(GptImage2, UniAllFamily.GptImage2, null, AllFormats),
        new("grok-imagine-image", UniAllFamily.GrokImagine, 1024, NoWebp),
        new("grok-imagine-image-quality", UniAllFamily.GrokImagine, 2048, NoWebp),
    ];

    public static UniAllModel? Find(string id) => All.FirstOrDefault(model => model.Id == id);

    public static ImageFormat ParseFormat(string outputFormat) => outputFormat switch
    {
        "jpeg" => ImageFormat.Jpeg,
        "webp" => ImageFormat.Webp,
        _ => ImageFormat.Png,
    };
}
