using System.Collections.Frozen;

namespace Workers.Providers.Apikley;

/// <summary>
/// The one Apikley model the fleet serves and what it accepts
/// (https://docs.apikley.ru/Sora-2/sora-2-pro-storyboard).
/// </summary>
public static class ApikleyModels
{
    public const string Sora2ProStoryboard = "sora-2-pro-storyboard";

    public const int MaxShots = 10;

    public const decimal MinShotSeconds = 0.1m;

    public const decimal MaxShotSeconds = 15m;

    /// <summary>The total lengths the model offers; it takes them as the strings <c>"10"</c>, <c>"15"</c>, <c>"25"</c>.</summary>
    public static readonly FrozenSet<int> DurationsSeconds = FrozenSet.Create(10, 15, 25);

    public const int DefaultDurationSeconds = 15;

    public const string Landscape = "landscape";

    public const string Portrait = "portrait";

    /// <summary>The command's aspect ratios (ratio or the provider's own word) → the provider's word.</summary>
    public static readonly FrozenDictionary<string, string> AspectRatios = new Dictionary<string, string>
    {
        ["16:9"] = Landscape,
        [Landscape] = Landscape,
        ["9:16"] = Portrait,
        [Portrait] = Portrait,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
}
