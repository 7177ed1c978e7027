namespace Workers.ProviderSimulator.TopView;

/// <summary>What an upload holds; decides its size limit and whether it may be used as an image.</summary>
internal enum TopViewMediaKind
{
    Image,
    Audio,
    Video,
}

/// <summary>[OBSERVED docs/PROVIDERS.md §0.2] The <c>format</c> values <c>/v1/upload/credential</c> accepts (the official skill's list).</summary>
internal static class TopViewUploadFormats
{
    private static readonly Dictionary<string, TopViewMediaKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["png"] = TopViewMediaKind.Image,
        ["jpg"] = TopViewMediaKind.Image,
        ["jpeg"] = TopViewMediaKind.Image,
        ["bmp"] = TopViewMediaKind.Image,
        ["webp"] = TopViewMediaKind.Image,
        ["mp3"] = TopViewMediaKind.Audio,
        ["wav"] = TopViewMediaKind.Audio,
        ["m4a"] = TopViewMediaKind.Audio,
        ["mp4"] = TopViewMediaKind.Video,
        ["avi"] = TopViewMediaKind.Video,
        ["mov"] = TopViewMediaKind.Video,
    };

    public static string Supported => string.Join(", ", Kinds.Keys);

    public static TopViewMediaKind? KindOf(string format) => Kinds.TryGetValue(format, out var kind) ? kind : null;

    public static long MaxBytes(TopViewMediaKind kind, TopViewOptions options) => 1024L * 1024L * kind switch
    {
        TopViewMediaKind.Image => options.MaxImageUploadMegabytes,
        TopViewMediaKind.Video => options.MaxVideoUploadMegabytes,
        _ => options.MaxAudioUploadMegabytes,
    };
}
