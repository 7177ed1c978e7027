namespace Workers.ProviderSimulator.TopView;

/// <summary>A storyboard image model of seed 000: its resolutions and how many reference images it takes.</summary>
internal sealed record TopViewStoryboardModel(string DisplayName, string Code, IReadOnlyList<string> Resolutions, int MaxReferences);

/// <summary>The storyboard models (docs/PROVIDERS.md §1.2); model codes are an [ASSUMPTION].</summary>
internal static class TopViewStoryboardModels
{
    public static IReadOnlyList<TopViewStoryboardModel> All { get; } =
    [
        new("GPT Image 2", "gpt-image-2", ["1K", "2K", "4K"], 16),
        new("Nano Banana 2", "nano-banana-2", ["512p", "1K", "2K", "4K"], 14),
        new("Nano Banana Pro", "nano-banana-pro", ["1K", "2K", "4K"], 6),
    ];

    /// <summary>The model named by its display name or code, case-insensitively (seed 000).</summary>
    public static TopViewStoryboardModel? Find(string name) =>
        All.FirstOrDefault(model =>
            string.Equals(model.DisplayName, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(model.Code, name, StringComparison.OrdinalIgnoreCase));
}
