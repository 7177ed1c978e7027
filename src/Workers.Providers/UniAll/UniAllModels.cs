using System.Collections.Frozen;

namespace Workers.Providers.UniAll;

/// <summary>UniAll's image models and what each accepts (seed 004, docs/PROVIDERS.md §5.2).</summary>
public static class UniAllModels
{
    public const string GptImage2 = "gpt-image-2";

    /// <summary>The NanoBanana family: tier in the name; aspect ratios allowed; one image per task.</summary>
    public static readonly FrozenSet<string> NanoBanana = FrozenSet.Create(StringComparer.Ordinal,
        "NanoBanana",
        "NanoBanana2-0.5K", "NanoBanana2-1K", "NanoBanana2-2K", "NanoBanana2-4K",
        "NanoBananaPro-1K", "NanoBananaPro-2K", "NanoBananaPro-4K", "NanoBananaPro-8K");

    public static readonly FrozenSet<string> AspectRatios = FrozenSet.Create(StringComparer.Ordinal,
        "1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9");

    public static readonly FrozenSet<string> Qualities = FrozenSet.Create(StringComparer.Ordinal, "low", "medium", "high");

    /// <summary>The 48 gpt-image-2 sizes and the price tier the seed gives each.</summary>
    public static readonly FrozenDictionary<string, string> GptImage2Sizes = new Dictionary<string, string>
    {
        ["1024x768"] = "1K", ["768x1024"] = "1K", ["1344x1024"] = "1K", ["1024x1344"] = "1K",
        ["1280x1024"] = "1K", ["1024x1280"] = "1K", ["1360x768"] = "1K", ["768x1360"] = "1K",
        ["1536x864"] = "1K", ["864x1536"] = "1K", ["1024x1024"] = "1K", ["1536x1024"] = "1K",
        ["1024x1536"] = "1K", ["2048x1024"] = "1K", ["1024x2048"] = "1K", ["2016x864"] = "1K",
        ["864x2016"] = "1K",
        ["1920x1080"] = "2K", ["1080x1920"] = "2K", ["1536x1536"] = "2K", ["2048x1360"] = "2K",
        ["1360x2048"] = "2K", ["2048x1536"] = "2K", ["1536x2048"] = "2K", ["2160x1440"] = "2K",
        ["1440x2160"] = "2K", ["2048x1152"] = "2K", ["1152x2048"] = "2K", ["2688x1344"] = "2K",
        ["1344x2688"] = "2K", ["2688x1152"] = "2K", ["1152x2688"] = "2K", ["2560x1440"] = "2K",
        ["1440x2560"] = "2K", ["2560x2048"] = "2K", ["2048x2560"] = "2K",
        ["2048x2048"] = "4K", ["2880x2880"] = "4K", ["3264x2448"] = "4K", ["2448x3264"] = "4K",
        ["3504x2336"] = "4K", ["2336x3504"] = "4K", ["3840x1920"] = "4K", ["1920x3840"] = "4K",
        ["3840x1648"] = "4K", ["1648x3840"] = "4K", ["3840x2160"] = "4K", ["2160x3840"] = "4K",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Output formats per model: NanoBanana and gpt-image-2 add WebP to PNG and JPEG.</summary>
    public static IReadOnlySet<string> OutputFormats(string model) =>
        model is "NanoBanana" or GptImage2 ? PngJpegWebp : PngJpeg;

    public static bool IsKnown(string model) => model == GptImage2 || NanoBanana.Contains(model);

    private static readonly FrozenSet<string> PngJpegWebp = FrozenSet.Create(StringComparer.Ordinal, "png", "jpeg", "webp");
    private static readonly FrozenSet<string> PngJpeg = FrozenSet.Create(StringComparer.Ordinal, "png", "jpeg");
}
