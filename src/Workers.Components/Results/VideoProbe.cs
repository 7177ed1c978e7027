using MetadataExtractor.Formats.QuickTime;
using Workers.Persistence.Artifacts;

namespace Workers.Components.Results;

/// <summary>Reads a video's width, height and duration from its own MP4/QuickTime atoms (MetadataExtractor).</summary>
internal static class VideoProbe
{
    /// <summary>Leading bytes kept while a video streams in: enough for the <c>moov</c> atom of a fast-start MP4.</summary>
    public const int HeaderBytes = 1024 * 1024;

    public static bool IsVideo(string contentType) =>
        contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// From the first bytes when the file starts with its index (fast start); otherwise by one forward pass over the
    /// stored bytes, which never holds more than a chunk in memory.
    /// </summary>
    public static async Task<VideoFacts?> ReadAsync(ReadOnlyMemory<byte> header, StoredArtifact stored, IArtifactStore store,
        CancellationToken cancellationToken)
    {
        if (TryRead(new MemoryStream(header.ToArray(), writable: false)) is { } fromHeader)
        {
            return fromHeader;
        }

        if (header.Length >= stored.SizeBytes)
        {
            return null;
        }

        var content = await store.OpenReadAsync(stored.Sha256, cancellationToken).ConfigureAwait(false);
        if (content is null)
        {
            return null;
        }

        await using (content.ConfigureAwait(false))
        {
            // MetadataExtractor reads synchronously; keep that off the consumer's thread.
            return await Task.Run(() => TryRead(new ForwardOnlySeekStream(content, stored.SizeBytes)), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static VideoFacts? TryRead(Stream stream)
    {
        try
        {
            var directories = QuickTimeMetadataReader.ReadMetadata(stream);
            var movie = directories.OfType<QuickTimeMovieHeaderDirectory>().FirstOrDefault();
            var track = directories.OfType<QuickTimeTrackHeaderDirectory>()
                .FirstOrDefault(t => MetadataExtractor.DirectoryExtensions.TryGetInt32(t, QuickTimeTrackHeaderDirectory.TagWidth, out var w) && w > 0);
            if (movie is null || track is null)
            {
                return null;
            }

            var duration = movie.GetObject(QuickTimeMovieHeaderDirectory.TagDuration) is TimeSpan span
                ? Math.Round((decimal)span.TotalSeconds, 3)
                : (decimal?)null;
            return new VideoFacts(
                MetadataExtractor.DirectoryExtensions.GetInt32(track, QuickTimeTrackHeaderDirectory.TagWidth),
                MetadataExtractor.DirectoryExtensions.GetInt32(track, QuickTimeTrackHeaderDirectory.TagHeight),
                duration);
        }
        catch (Exception ex) when (ex is IOException or MetadataExtractor.ImageProcessingException or MetadataExtractor.MetadataException
                                   or NotSupportedException or ArgumentException or IndexOutOfRangeException)
        {
            // Cut short (the index lies beyond the first bytes) or not an MP4: the facts stay unknown.
            return null;
        }
    }
}

/// <summary>What a video says about itself.</summary>
internal sealed record VideoFacts(int Width, int Height, decimal? DurationSeconds);
