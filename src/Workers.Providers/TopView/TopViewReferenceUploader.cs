using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.TopView;

/// <summary>
/// Turns reference image URLs into TopView file ids by the three-step upload (https://docs.topview.ai/reference/upload-api-usage):
/// download the image, <c>GET /v1/upload/credential</c>, <c>PUT</c> the bytes to the presigned URL without TopView's
/// headers, <c>GET /v1/upload/check</c> until it is visible. Each finished upload is saved at once, so a retry resumes
/// with the next one. Nothing here is paid, so whatever is not the reference's own fault is tried again later. The
/// download goes only to public addresses (<see cref="PublicAddressGuard"/>: before it, and at connect time on
/// <see cref="DownloadClient"/>), each redirect checked again.
/// </summary>
public sealed class TopViewReferenceUploader(
    TopViewClient client,
    IHttpClientFactory httpClients,
    IOptionsMonitor<TopViewOptions> options,
    PublicAddressGuard guard,
    TimeProvider time)
{
    /// <summary>The plain client that downloads reference images from their owners.</summary>
    public const string DownloadClient = "topview-reference-download";

    /// <summary>The plain client that PUTs bytes to TopView's presigned (S3) URLs; it must not carry TopView's headers.</summary>
    public const string UploadClient = "topview-upload";

    /// <summary>Uploads every reference not in <paramref name="prepared"/> yet, in order, saving each file id under its URL.</summary>
    public async Task UploadAllAsync(IEnumerable<(string Field, string Url)> references, TopViewAccount account, IPreparedInputs prepared,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(prepared);
        foreach (var (field, url) in references)
        {
            if (prepared.Find(url) is not null)
            {
                continue;
            }

            var fileId = await UploadAsync(field, url, account, cancellationToken).ConfigureAwait(false);
            await prepared.SaveAsync(url, fileId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Uploads one reference image and returns its TopView file id.</summary>
    public async Task<string> UploadAsync(string field, string url, TopViewAccount account, CancellationToken cancellationToken)
    {
        await guard.CheckReferenceAsync(field, url, cancellationToken).ConfigureAwait(false);
        var (bytes, contentType) = await DownloadAsync(field, url, cancellationToken).ConfigureAwait(false);
        var format = TopViewImageFormats.Detect(bytes, contentType, new Uri(url).AbsolutePath)
            ?? throw Refused(field, url, $"is not a PNG, JPEG, WebP or BMP image (served as {contentType ?? "no content type"})");

        var credential = await Step(field, url, () => client.GetUploadCredentialAsync(format, account, cancellationToken)).ConfigureAwait(false);
        await PutAsync(field, url, credential.UploadUrl!, bytes, format, cancellationToken).ConfigureAwait(false);
        await WaitVisibleAsync(field, url, credential.FileId!, account, cancellationToken).ConfigureAwait(false);
        return credential.FileId!;
    }

    private async Task<(byte[] Bytes, string? ContentType)> DownloadAsync(string field, string url, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var limits = new DownloadLimits(settings.MaxReferenceImageMegabytes * 1024L * 1024L, $"{settings.MaxReferenceImageMegabytes} MB",
            TimeSpan.FromSeconds(settings.ReferenceReadIdleSeconds));
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(settings.ReferenceDownloadTimeoutSeconds), time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var http = httpClients.CreateClient(DownloadClient);
        try
        {
            using var response = await PublicDownload.GetAsync(http, new Uri(url), guard.Problem, limits, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is 408 or 429 or >= 500)
            {
                throw Later(field, url, $"could not be downloaded now (HTTP {status})", RetryAfter(response.Headers));
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Refused(field, url, $"could not be downloaded (HTTP {status})");
            }

            var stream = PublicDownload.LimitBody(await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false), limits, time);
            await using (stream.ConfigureAwait(false))
            {
                var bytes = await ReadAllAsync(stream, timeout.Token).ConfigureAwait(false);
                return bytes.Length == 0
                    ? throw Refused(field, url, "is empty")
                    : (bytes, response.Content.Headers.ContentType?.ToString());
            }
        }
        catch (DownloadRefusedException ex) when (ex.TimedOut)
        {
            throw Later(field, url, ex.Message, null, ex);
        }
        catch (DownloadRefusedException ex)
        {
            throw Refused(field, url, ex.Message);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Later(field, url, $"did not download within {settings.ReferenceDownloadTimeoutSeconds} s", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw Later(field, url, $"could not be downloaded now ({ex.Message})", null, ex);
        }
    }

    private async Task PutAsync(string field, string url, string uploadUrl, byte[] bytes, string format, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.CurrentValue.UploadTimeoutSeconds));
        var http = httpClients.CreateClient(UploadClient);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(TopViewImageFormats.ContentType(format));
        try
        {
            using var response = await http.PutAsync(new Uri(uploadUrl), content, timeout.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return;
            }

            // Too large or of a type the store refuses is the image's fault; an expired or refused signature, or a
            // store error, is fixed by a new credential on the next attempt.
            throw response.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnsupportedMediaType
                ? Refused(field, url, $"was refused by TopView's file store (HTTP {(int)response.StatusCode})")
                : Later(field, url, $"could not be stored by TopView now (PUT answered HTTP {(int)response.StatusCode})", RetryAfter(response.Headers));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Later(field, url, "was not stored by TopView in time", null, ex);
        }
        catch (HttpRequestException ex)
        {
            throw Later(field, url, $"could not be stored by TopView now ({ex.Message})", null, ex);
        }
    }

    private async Task WaitVisibleAsync(string field, string url, string fileId, TopViewAccount account, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        for (var attempt = 1; attempt <= settings.UploadCheckAttempts; attempt++)
        {
            if (await Step(field, url, () => client.IsUploadVisibleAsync(fileId, account, cancellationToken)).ConfigureAwait(false))
            {
                return;
            }

            if (attempt < settings.UploadCheckAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(settings.UploadCheckDelayMilliseconds), time, cancellationToken).ConfigureAwait(false);
            }
        }

        throw Later(field, url, $"was uploaded as {fileId} but TopView did not see it after {settings.UploadCheckAttempts} checks", null);
    }

    /// <summary>
    /// A TopView step of the upload. Its refusals name the field; an unknown outcome means nothing here, since nothing
    /// is paid: it is tried again later.
    /// </summary>
    private static async Task<T> Step<T>(string field, string url, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ProviderCallException ex) when (ex.Kind == ProviderFailureKind.Rejected)
        {
            throw new ProviderCallException(ex.Kind, ex.Code, $"{field} '{Shorten(url)}': {ex.Message}", ex.ProviderCode, ex.RetryAfter, ex);
        }
        catch (ProviderCallException ex)
        {
            throw new ProviderCallException(ProviderFailureKind.Transient,
                ex.Code == GenerationErrorCodes.RateLimited ? ex.Code : GenerationErrorCodes.ProviderUnavailable,
                $"{field} '{Shorten(url)}': {ex.Message}", ex.ProviderCode, ex.RetryAfter, ex);
        }
    }

    /// <summary>Reads the whole stream (its size is bounded by <see cref="PublicDownload.LimitBody"/>).</summary>
    private static async Task<byte[]> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static TimeSpan? RetryAfter(HttpResponseHeaders headers) => Http.ProviderResiliencePipeline.RetryAfter(headers);

    private static ProviderCallException Refused(string field, string url, string why) =>
        new(ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, $"{field} '{Shorten(url)}' {why}.");

    private static ProviderCallException Later(string field, string url, string why, TimeSpan? retryAfter, Exception? inner = null) =>
        new(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable, $"{field} '{Shorten(url)}' {why}.",
            retryAfter: retryAfter, innerException: inner);

    private static string Shorten(string url) => url.Length <= 200 ? url : string.Concat(url.AsSpan(0, 200), "…");
}
