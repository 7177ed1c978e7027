namespace Workers.ProviderSimulator.UniAll;

/// <summary>The 48 sizes gpt-image-2 accepts (seed 004 §5.5); anything else is a 400.</summary>
internal static class UniAllSizes
{
    public static IReadOnlyList<string> All { get; } =
    [
        // 1K
        "1024x768", "768x1024", "1344x1024", "1024x1344", "1280x1024", "1024x1280", "1360x768", "768x1360",
        "1536x864", "864x1536", "1024x1024", "1536x1024", "1024x1536", "2048x1024", "1024x2048", "2016x864", "864x2016",

        // 2K
        "1920x1080", "1080x1920", "1536x1536", "2048x1360", "1360x2048", "2048x1536", "1536x2048", "2160x1440",
        "1440x2160", "2048x1152", "1152x2048", "2688x1344", "1344x2688", "2688x1152", "1152x2688", "2560x1440",
        "1440x2560", "2560x2048", "2048x2560",

        // 4K (the seed files 2048x2048 under 4K)
        "2048x2048", "2880x2880", "3264x2448", "2448x3264", "3504x2336", "2336x3504", "3840x1920", "1920x3840",
        "3840x1648", "1648x3840", "3840x2160", "2160x3840",
    ];

    private static readonly HashSet<string> Lookup = new(All, StringComparer.Ordinal);

    /// <summary>Width and height of a whitelisted size; false for any other text.</summary>
    public static bool TryParse(string size, out int width, out int height)
    {
        width = height = 0;
        if (!Lookup.Contains(size))
        {
            return false;
        }

        var x = size.IndexOf('x', StringComparison.Ordinal);
        width = int.Parse(size.AsSpan(0, x), System.Globalization.CultureInfo.InvariantCulture);
        height = int.Parse(size.AsSpan(x + 1), System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
