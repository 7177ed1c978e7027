// TEMPORARY until wt/video lands
namespace Workers.ProviderSimulator.Video;

/// <summary>Renders placeholder MP4 videos.</summary>
public static class PlaceholderVideo
{
    public const string ContentType = "video/mp4";

    public const string Extension = "mp4";

    /// <summary>A bare <c>ftyp</c> box: enough for a content sniffer, not a playable video.</summary>
    public static byte[] Render(VideoSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return
        [
            0, 0, 0, 20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m',
            0, 0, 2, 0, (byte)'i', (byte)'s', (byte)'o', (byte)'m',
        ];
    }
}
