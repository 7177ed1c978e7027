using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Persistence;
using Workers.Persistence.Artifacts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Components.Results;

/// <summary>
/// Copies one result out of the provider's expiring URL into the artifact store, streaming. The URL comes from the
/// provider's answer, so it is held to the same rules as a caller's: public addresses only (checked at connect time by
/// the client's <see cref="PublicAddressGuard"/> handler), HTTPS unless allow-listed, each redirect checked again, at
/// most <see cref="PersistenceOptions.MaxArtifactBytes"/>, and bounded in time.
/// </summary>
public sealed class ArtifactDownloader(
    HttpClient http,
    IArtifactStore store,
    PublicAddressGuard guard,
    IOptions<FleetOptions> fleet,
    IOptions<PersistenceOptions> persistence,
    TimeProvider time)
{
    /// <summary>
    /// Throws <see cref="ArtifactUnavailableException"/> when the URL no longer serves the result, and
    /// <see cref="ArtifactRefusedException"/> when it may not be downloaded at all.
    /// </summary>
    public async Task<GeneratedArtifact> CopyAsync(int index, ProviderResultItem item, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(url);
        var options = fleet.Value;
        var maxBytes = persistence.Value.MaxArtifactBytes;
        var limits = new DownloadLimits(maxBytes, string.Create(CultureInfo.InvariantCulture, $"{maxBytes} bytes"),
            TimeSpan.FromSeconds(options.DownloadReadIdleSeconds));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(options.DownloadTimeoutSeconds), time);
        using var download = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw Refused(index, url, "is not an absolute URL");
        }

        StoredArtifact stored;
        HeaderCapturingStream capture;
        string contentType;
        try
        {
            using var response = await PublicDownload.GetAsync(http, uri, guard.Problem, limits, download.Token).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                throw new ArtifactUnavailableException($"Result {index} is no longer served ({(int)response.StatusCode}) at {url}");
            }

            response.EnsureSuccessStatusCode();
            contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
            var body = PublicDownload.LimitBody(await response.Content.ReadAsStreamAsync(download.Token).ConfigureAwait(false), limits, time);
            capture = new HeaderCapturingStream(body, VideoProbe.IsVideo(contentType) ? VideoProbe.HeaderBytes : MediaDimensions.RecommendedHeaderBytes);
            await using (capture.ConfigureAwait(false))
            {
                stored = await store.PutAsync(capture, contentType, download.Token).ConfigureAwait(false);
            }
        }
        catch (DownloadRefusedException ex)
        {
            throw Refused(index, url, ex.Message, ex);
        }
        catch (ArtifactTooLargeException ex)
        {
            throw Refused(index, url, string.Create(CultureInfo.InvariantCulture, $"is larger than the {ex.MaxBytes} bytes the store accepts"), ex);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw Refused(index, url, string.Create(CultureInfo.InvariantCulture, $"did not download within {options.DownloadTimeoutSeconds} s"), ex);
        }

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
        if (VideoProbe.IsVideo(contentType))
        {
            var facts = await VideoProbe.ReadAsync(capture.Header.ToArray(), stored, store, cancellationToken).ConfigureAwait(false);
            return artifact with { Width = facts?.Width, Height = facts?.Height, DurationSeconds = facts?.DurationSeconds };
        }

        var size = MediaDimensions.TryRead(capture.Header, contentType);
        return artifact with { Width = size?.Width, Height = size?.Height };
    }

    private static ArtifactRefusedException Refused(int index, string url, string why, Exception? inner = null) =>
        new($"Result {index} at {Shorten(url)} {why}.", inner);

    private static string Shorten(string url) => url.Length <= 200 ? url : string.Concat(url.AsSpan(0, 200), "…");
}

/// <summary>The provider no longer serves a result (its URL expired or was revoked).</summary>
public sealed class ArtifactUnavailableException(string message) : Exception(message);

/// <summary>
/// A result the fleet will not download: where it leads (a private address, a scheme, too many redirects), its size,
/// or a transfer that stalled or took too long. The item fails; a fresh link would lead to the same place.
/// </summary>
public sealed class ArtifactRefusedException(string message, Exception? innerException = null) : Exception(message, innerException);
