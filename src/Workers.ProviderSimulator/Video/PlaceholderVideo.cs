namespace Workers.ProviderSimulator.Video;

// TEMPORARY until wt/video lands: a bare ftyp box, enough for link and content-type tests.

/// <summary>Renders placeholder MP4 videos.</summary>
public static class PlaceholderVideo
{
    public const string ContentType = "video/mp4";

    public const string Extension = "mp4";

    public static byte[] Render(VideoSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return [0, 0, 0, 20, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'i', (byte)'s', (byte)'o', (byte)'m', 0, 0, 2, 0, (byte)'m', (byte)'p', (byte)'4', (byte)'1'];
    }
}
