using System.Collections.Frozen;

namespace Workers.Providers.TopView;

/// <summary>
/// The 28 image-to-video V2 models and their constraints, as the official TopView skill lists them
/// (https://github.com/topviewai/codex-topview-ai, <c>video_gen.py</c>; observed, not a contract). TopView asks for
/// display names; codes (lower case, spaces → dashes, e.g. <c>seedance-1.5-pro</c>) are accepted too.
/// </summary>
public static class TopViewVideoModels
{
    private static readonly IReadOnlyList<string> Wide = ["9:16", "16:9"];
    private static readonly IReadOnlyList<string> Square3 = ["9:16", "1:1", "16:9"];
    private static readonly IReadOnlyList<string> Five = ["9:16", "3:4", "1:1", "4:3", "16:9"];

    // Reference maximums are not in TopView's docs; they are the upstream vendors' published limits: Kling reference
    // video 7 images, Veo 3.1 references 3, Vidu Q2 reference-to-video 7.
    public static readonly IReadOnlyList<TopViewVideoModel> All =
    [
        new("Standard", [480, 720], Range(4, 15), null, true, TopViewInputMode.FirstEnd),
        new("Fast", [480, 720], Range(4, 15), null, true, TopViewInputMode.FirstEnd),
        new("Seedance 1.5 Pro", [720, 1080], Range(4, 12), null, true, TopViewInputMode.FirstEnd),
        new("Seedance 1.0 Pro Fast", [720, 1080], [5, 10, 12], null, false, TopViewInputMode.Single),
        new("Seedance 1.0 Pro", [720, 1080], [5, 10, 12], null, false, TopViewInputMode.FirstEnd),
        new("Kling V3", [720, 1080], Range(3, 15), null, true, TopViewInputMode.FirstEnd),
        new("Kling V3 Reference Video", [720, 1080], Range(3, 15), Square3, true, TopViewInputMode.MultiReference, 7),
        new("Kling O3", [720, 1080], Range(3, 15), null, true, TopViewInputMode.FirstEnd),
        new("Kling O3 Reference-to-Video", [720, 1080], Range(3, 15), Square3, true, TopViewInputMode.MultiReference, 7),
        new("Kling 2.6", null, [5, 10], null, true, TopViewInputMode.Single),
        new("Kling 2.5 Turbo Pro", [1080], [5, 10], null, false, TopViewInputMode.FirstEnd),
        new("Kling 2.5 Turbo Std", [1080], [5, 10], null, false, TopViewInputMode.Single),
        new("Sora 2", null, [4, 8, 12], Wide, false, TopViewInputMode.Single),
        new("Sora 2 Pro", [720, 1080], [4, 8, 12], Wide, false, TopViewInputMode.Single),
        new("Veo 3.1", [720, 1080, 2160], [4, 6, 8], Wide, true, TopViewInputMode.FirstEnd),
        new("Veo 3.1 Reference to video", [720, 1080, 2160], [8], Wide, true, TopViewInputMode.MultiReference, 3),
        new("Veo 3.1 Fast", [720, 1080, 2160], [4, 6, 8], Wide, true, TopViewInputMode.FirstEnd),
        new("Veo 3.1 Fast Reference to video", [720, 1080, 2160], [8], Wide, true, TopViewInputMode.MultiReference, 3),
        new("MiniMax-Hailuo-02", [768, 1080], [6, 10], null, false, TopViewInputMode.FirstEnd),
        new("MiniMax-Hailuo-2.3", [768, 1080], [6, 10], null, false, TopViewInputMode.Single),
        new("MiniMax-Hailuo-2.3-Fast", [768, 1080], [6, 10], null, false, TopViewInputMode.Single),
        new("Vidu Q3 Pro", [540, 720, 1080], Range(1, 16), Five, true, TopViewInputMode.Single),
        new("Vidu Q2 Reference to Video", [1080], Range(2, 10), Five, false, TopViewInputMode.MultiReference, 7),
        new("Wan 2.6", [720, 1080], [5, 10, 15], null, true, TopViewInputMode.Single),
        new("Topview Lite", null, [5, 10], Five, false, TopViewInputMode.Single),
        new("Topview Pro", null, [5, 10], Five, false, TopViewInputMode.Single),
        new("Topview Plus", null, [5, 10], Square3, false, TopViewInputMode.Single),
        new("Topview Best", null, [5, 10], Square3, false, TopViewInputMode.Single),
    ];

    /// <summary>The fewest reference images of the multi-reference mode (seed 003).</summary>
    public const int MinReferences = 2;

    public const int MaxCount = 4;

    private static readonly FrozenDictionary<string, TopViewVideoModel> ByName = All
        .SelectMany(m => new[] { (m.DisplayName, m), (m.Code, m) })
        .DistinctBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(p => p.Item1, p => p.m, StringComparer.OrdinalIgnoreCase);

    /// <summary>The model a command names by display name or code, any case; null when TopView has none such.</summary>
    public static TopViewVideoModel? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name.Trim());

    /// <summary>The code TopView derives from a display name: lower case, spaces → dashes.</summary>
    public static string CodeOf(string displayName)
    {
        ArgumentNullException.ThrowIfNull(displayName);
        return displayName.ToLowerInvariant().Replace(' ', '-');
    }

    private static int[] Range(int from, int to) => [.. Enumerable.Range(from, to - from + 1)];
}

/// <summary>How a model takes its images (seed 003: exactly one mode per task).</summary>
public enum TopViewInputMode
{
    /// <summary>One first frame.</summary>
    Single,

    /// <summary>A first frame, and optionally an end frame.</summary>
    FirstEnd,

    /// <summary>Two or more reference images, no frames.</summary>
    MultiReference,
}

/// <summary>
/// One image-to-video model. <paramref name="Resolutions"/> or <paramref name="AspectRatios"/> null: the model offers
/// no choice, so the field must not be sent.
/// </summary>
public sealed record TopViewVideoModel(
    string DisplayName,
    IReadOnlyList<int>? Resolutions,
    IReadOnlyList<int> Durations,
    IReadOnlyList<string>? AspectRatios,
    bool Sound,
    TopViewInputMode InputMode,
    int MaxReferences = 0)
{
    public string Code => TopViewVideoModels.CodeOf(DisplayName);
}
