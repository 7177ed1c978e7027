using System.ComponentModel.DataAnnotations;

namespace Workers.Providers.UniAll;

/// <summary>
/// UniAll reports no cost, so the fleet estimates it: the price of one image per model (NanoBanana) or per
/// quality and size tier (gpt-image-2, keys like <c>gpt-image-2/medium/1K</c>). The defaults are assumptions,
/// not UniAll's published prices: set your contract's prices in configuration.
/// </summary>
public sealed class UniAllPriceTable
{
    [Required]
    public string Unit { get; set; } = "USD";

    public Dictionary<string, decimal> PerImage { get; set; } = new(StringComparer.Ordinal)
    {
        ["NanoBanana"] = 0.020m,
        ["NanoBanana2-0.5K"] = 0.010m,
        ["NanoBanana2-1K"] = 0.020m,
        ["NanoBanana2-2K"] = 0.040m,
        ["NanoBanana2-4K"] = 0.080m,
        ["NanoBananaPro-1K"] = 0.050m,
        ["NanoBananaPro-2K"] = 0.080m,
        ["NanoBananaPro-4K"] = 0.150m,
        ["NanoBananaPro-8K"] = 0.300m,
        ["gpt-image-2/low/1K"] = 0.010m,
        ["gpt-image-2/low/2K"] = 0.020m,
        ["gpt-image-2/low/4K"] = 0.040m,
        ["gpt-image-2/medium/1K"] = 0.040m,
        ["gpt-image-2/medium/2K"] = 0.080m,
        ["gpt-image-2/medium/4K"] = 0.160m,
        ["gpt-image-2/high/1K"] = 0.170m,
        ["gpt-image-2/high/2K"] = 0.250m,
        ["gpt-image-2/high/4K"] = 0.400m,
    };
}
