using System.Net;
using Workers.Contracts;
using Workers.Persistence.Artifacts;

namespace Workers.Components.Results;

/// <summary>Copies one result out of the provider's expiring URL into the artifact store, streaming.</summary>
public sealed class ArtifactDownloader(HttpClient http, IArtifactStore store)
{
    /// <summary>Throws <see cref="ArtifactUnavailableException"/> when the URL no longer serves the result.</summary>
    public async Task<GeneratedArtifact> CopyAsync(int index, string url, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            throw new ArtifactUnavailableException($"Result {index} is no longer served ({(int)response.StatusCode}) at {url}");
        }

        response.EnsureSuccessStatusCode();
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using var capture = new HeaderCapturingStream(body, MediaDimensions.RecommendedHeaderBytes);
        var stored = await store.PutAsync(capture, contentType, cancellationToken).ConfigureAwait(false);
        var size = MediaDimensions.TryRead(capture.Header, contentType);
        return new GeneratedArtifact
        {
            Index = index,
            Location = stored.Location,
            ContentType = stored.ContentType,
            SizeBytes = stored.SizeBytes,
            Sha256 = stored.Sha256,
            Width = size?.Width,
            Height = size?.Height,
            SourceUrl = url,
        };
    }
}

/// <summary>The provider no longer serves a result (its URL expired or was revoked).</summary>
public sealed class ArtifactUnavailableException(string message) : Exception(message);
