namespace Workers.ProviderSimulator.TopView;

/// <summary>How an image-to-video model takes its images (docs/PROVIDERS.md §2.2): exactly one mode per request.</summary>
internal enum TopViewInputMode
{
    /// <summary><c>firstFrameFileId</c> only.</summary>
    Single,

    /// <summary><c>firstFrameFileId</c>, optionally with <c>endFrameFileId</c>.</summary>
    FirstEnd,

    /// <summary><c>referenceImageFileIds</c>, at least 2.</summary>
    MultiReference,
}

/// <summary>One image-to-video V2 model and what it accepts.</summary>
/// <remarks>
/// <c>Resolutions</c> empty: the model has no resolution choice (any known value is accepted and 720 is rendered).
/// <c>Durations</c>: the allowed seconds; <c>DurationRange</c> true when they are a range min–max.
/// <c>AspectRatios</c> empty: the input frame decides, any known ratio is accepted.
/// <c>CreditsPerSecond</c>: the default rate at 720p with sound off (docs/PROVIDERS.md §2.4, else an [ASSUMPTION]).
/// </remarks>
internal sealed record TopViewVideoModel(
    string DisplayName,
    string Code,
    IReadOnlyList<int> Resolutions,
    IReadOnlyList<int> Durations,
    bool DurationRange,
    IReadOnlyList<string> AspectRatios,
    bool Sound,
    TopViewInputMode Mode,
    decimal CreditsPerSecond,
    int MaxReferences = 0)
{
    public bool AllowsDuration(int seconds) =>
        DurationRange ? seconds >= Durations[0] && seconds <= Durations[^1] : Durations.Contains(seconds);

    public string DurationText => DurationRange ? $"{Durations[0]}-{Durations[^1]}" : string.Join(", ", Durations);

    /// <summary>The duration used when the request has none: 5 s when allowed, else the shortest.</summary>
    public int DefaultDuration => AllowsDuration(5) ? 5 : Durations[0];

    /// <summary>The resolution used when the request has none: 720 when allowed, else the lowest.</summary>
    public int DefaultResolution => Resolutions.Count == 0 || Resolutions.Contains(720) ? 720 : Resolutions[0];
}

/// <summary>
/// The image-to-video V2 catalogue, from the official skill's table (docs/PROVIDERS.md §2.2, [OBSERVED], not a contract).
/// Codes beyond the seed's <c>seedance-1.5-pro</c>, <c>kling-v3</c>, <c>sora-2</c> and the reference-image maxima are [ASSUMPTION]s.
/// </summary>
internal static class TopViewVideoModels
{
    /// <summary>Every resolution value some model accepts (seed 003 enum plus the skill's extra values).</summary>
    public static IReadOnlyList<int> KnownResolutions { get; } = [480, 540, 720, 768, 1080, 2160];

    public static IReadOnlyList<string> KnownAspectRatios { get; } = ["16:9", "9:16", "1:1", "3:4", "4:3", "21:9"];

    private static readonly int[] Seedance2 = [480, 720];
    private static readonly int[] Hd = [720, 1080];
    private static readonly int[] FullHd = [1080];
    private static readonly int[] Veo = [720, 1080, 2160];
    private static readonly int[] Hailuo = [768, 1080];
    private static readonly int[] None = [];
    private static readonly string[] AnyRatio = [];
    private static readonly string[] KlingRatios = ["9:16", "1:1", "16:9"];
    private static readonly string[] Portrait = ["9:16", "16:9"];
    private static readonly string[] ViduRatios = ["9:16", "3:4", "1:1", "4:3", "16:9"];

    public static IReadOnlyList<TopViewVideoModel> All { get; } =
    [
        new("Standard", "standard", Seedance2, [4, 15], true, AnyRatio, true, TopViewInputMode.FirstEnd, 1.0m),
        new("Fast", "fast", Seedance2, [4, 15], true, AnyRatio, true, TopViewInputMode.FirstEnd, 0.6m),
        new("Seedance 1.5 Pro", "seedance-1.5-pro", Hd, [4, 12], true, AnyRatio, true, TopViewInputMode.FirstEnd, 0.12m),
        new("Seedance 1.0 Pro", "seedance-1.0-pro", Hd, [5, 10, 12], false, AnyRatio, false, TopViewInputMode.FirstEnd, 0.12m),
        new("Seedance 1.0 Pro Fast", "seedance-1.0-pro-fast", Hd, [5, 10, 12], false, AnyRatio, false, TopViewInputMode.Single, 0.08m),
        new("Kling V3", "kling-v3", Hd, [3, 15], true, AnyRatio, true, TopViewInputMode.FirstEnd, 0.50m),
        new("Kling O3", "kling-o3", Hd, [3, 15], true, AnyRatio, true, TopViewInputMode.FirstEnd, 0.50m),
        new("Kling V3 Reference Video", "kling-v3-reference-video", Hd, [3, 15], true, KlingRatios, true, TopViewInputMode.MultiReference, 0.50m, 7),
        new("Kling O3 Reference-to-Video", "kling-o3-reference-to-video", Hd, [3, 15], true, KlingRatios, true, TopViewInputMode.MultiReference, 0.50m, 7),
        new("Kling 2.6", "kling-2.6", None, [5, 10], false, AnyRatio, true, TopViewInputMode.Single, 0.35m),
        new("Kling 2.5 Turbo Pro", "kling-2.5-turbo-pro", FullHd, [5, 10], false, AnyRatio, false, TopViewInputMode.FirstEnd, 0.35m),
        new("Kling 2.5 Turbo Std", "kling-2.5-turbo-std", FullHd, [5, 10], false, AnyRatio, false, TopViewInputMode.Single, 0.25m),
        new("Sora 2", "sora-2", None, [4, 8, 12], false, Portrait, false, TopViewInputMode.Single, 0.56m),
        new("Sora 2 Pro", "sora-2-pro", Hd, [4, 8, 12], false, Portrait, false, TopViewInputMode.Single, 1.68m),
        new("Veo 3.1", "veo-3.1", Veo, [4, 6, 8], false, Portrait, true, TopViewInputMode.FirstEnd, 1.10m),
        new("Veo 3.1 Fast", "veo-3.1-fast", Veo, [4, 6, 8], false, Portrait, true, TopViewInputMode.FirstEnd, 1.10m),
        new("Veo 3.1 Reference to video", "veo-3.1-reference-to-video", Veo, [8], false, Portrait, true, TopViewInputMode.MultiReference, 1.10m, 3),
        new("Veo 3.1 Fast Reference to video", "veo-3.1-fast-reference-to-video", Veo, [8], false, Portrait, true, TopViewInputMode.MultiReference, 1.10m, 3),
        new("MiniMax-Hailuo-02", "minimax-hailuo-02", Hailuo, [6, 10], false, AnyRatio, false, TopViewInputMode.FirstEnd, 0.30m),
        new("MiniMax-Hailuo-2.3", "minimax-hailuo-2.3", Hailuo, [6, 10], false, AnyRatio, false, TopViewInputMode.FirstEnd, 0.30m),
        new("MiniMax-Hailuo-2.3-Fast", "minimax-hailuo-2.3-fast", Hailuo, [6, 10], false, AnyRatio, false, TopViewInputMode.Single, 0.20m),
        new("Vidu Q3 Pro", "vidu-q3-pro", [540, 720, 1080], [1, 16], true, ViduRatios, true, TopViewInputMode.Single, 0.30m),
        new("Vidu Q2 Reference to Video", "vidu-q2-reference-to-video", FullHd, [2, 10], true, ViduRatios, false, TopViewInputMode.MultiReference, 0.30m, 7),
        new("Wan 2.6", "wan-2.6", Hd, [5, 10, 15], false, AnyRatio, true, TopViewInputMode.Single, 0.30m),
        new("Topview Lite", "topview-lite", None, [5, 10], false, AnyRatio, false, TopViewInputMode.Single, 0.10m),
        new("Topview Pro", "topview-pro", None, [5, 10], false, AnyRatio, false, TopViewInputMode.Single, 0.20m),
        new("Topview Plus", "topview-plus", None, [5, 10], false, AnyRatio, false, TopViewInputMode.Single, 0.30m),
        new("Topview Best", "topview-best", None, [5, 10], false, AnyRatio, false, TopViewInputMode.Single, 0.40m),
    ];

    /// <summary>The model named by its display name or code, case-insensitively (docs/PROVIDERS.md §2.2: both are sent).</summary>
    public static TopViewVideoModel? Find(string name) =>
        All.FirstOrDefault(model =>
            string.Equals(model.DisplayName, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(model.Code, name, StringComparison.OrdinalIgnoreCase));
}
