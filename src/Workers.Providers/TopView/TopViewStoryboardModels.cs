using System.Collections.Frozen;

namespace Workers.Providers.TopView;

/// <summary>
/// The storyboard models and what each accepts (https://docs.topview.ai/reference/storyboard-submit-task). TopView takes
/// the display name or the model code, case-insensitively; the codes are assumed to be the display names in lower
/// case with dashes, which TopView does not list.
/// </summary>
public static class TopViewStoryboardModels
{
    public static readonly IReadOnlyList<TopViewStoryboardModel> All =
    [
        new("GPT Image 2", "gpt-image-2", ["1K", "2K", "4K"], MaxReferences: 16),
        new("Nano Banana 2", "nano-banana-2", ["512p", "1K", "2K", "4K"], MaxReferences: 14),
        new("Nano Banana Pro", "nano-banana-pro", ["1K", "2K", "4K"], MaxReferences: 6),
    ];

    public static readonly FrozenSet<string> AspectRatios = FrozenSet.Create(StringComparer.Ordinal, "16:9", "9:16", "1:1");

    public static readonly FrozenSet<string> GridModes = FrozenSet.Create(StringComparer.Ordinal, "auto", "preset", "custom");

    public static readonly FrozenSet<int> PresetGridSizes = FrozenSet.Create(4, 9, 25);

    public const int MinCustomGridSize = 2;

    public const int MaxCustomGridSize = 25;

    public const int MaxStoryLength = 5000;

    private static readonly FrozenDictionary<string, TopViewStoryboardModel> ByName = All
        .SelectMany(m => new[] { (m.DisplayName, m), (m.Code, m) })
        .DistinctBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
        .ToFrozenDictionary(p => p.Item1, p => p.m, StringComparer.OrdinalIgnoreCase);

    /// <summary>The model a command names by display name or code, any case; null when TopView has none such.</summary>
    public static TopViewStoryboardModel? Find(string? name) => name is null ? null : ByName.GetValueOrDefault(name.Trim());
}

/// <summary>One storyboard model: its names, resolutions and how many reference images it takes.</summary>
public sealed record TopViewStoryboardModel(string DisplayName, string Code, IReadOnlyList<string> Resolutions, int MaxReferences);
