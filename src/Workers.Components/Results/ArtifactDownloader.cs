using System.Net;
using Workers.Contracts;
using Workers.Persistence.Artifacts;
using Workers.Providers.Abstractions;

namespace Workers.Components.Results;

/// <summary>Copies one result out of the provider's expiring URL into the artifact store, streaming.</summary>
public sealed class ArtifactDownloader(HttpClient http, IArtifactStore store)
{
    /// <summary>Throws <see cref="ArtifactUnavailableException"/> when the URL no longer serves the result.</summary>
    public async Task<GeneratedArtifact> CopyAsync(int index, ProviderResultItem item, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            throw new ArtifactUnavailableException($"Result {index} is no longer served ({(int)response.StatusCode}) at {url}");
        }

        response.EnsureSuccessStatusCode();
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        var video = VideoProbe.IsVideo(contentType);
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var capture = new HeaderCapturingStream(body, video ? VideoProbe.HeaderBytes : MediaDimensions.RecommendedHeaderBytes);
        var stored = await store.PutAsync(capture, contentType, cancellationToken).ConfigureAwait(false);
        var artifact = new GeneratedArtifact
        {
            Index = index,
            Role = item.Role,
            Name = item.Name,
            Location = stored.Location,
            ContentType = stored.ContentType,
            SizeBytes = stored.SizeBytes,
            Sha256 = stored.Sha256,
            SourceUrl = url,
        };
        if (video)
        {
            var facts = await VideoProbe.ReadAsync(capture.Header.ToArray(), stored, store, cancellationToken).ConfigureAwait(false);
            return artifact with { Width = facts?.Width, Height = facts?.Height, DurationSeconds = facts?.DurationSeconds };
        }

        var size = MediaDimensions.TryRead(capture.Header, contentType);
        return artifact with { Width = size?.Width, Height = size?.Height };
    }
}

/// <summary>The provider no longer serves a result (its URL expired or was revoked).</summary>
public sealed class ArtifactUnavailableException(string message) : Exception(message);
