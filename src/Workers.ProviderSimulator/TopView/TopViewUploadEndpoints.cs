using System.Globalization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Files;

namespace Workers.ProviderSimulator.TopView;

/// <summary>
/// The three-step upload of docs/PROVIDERS.md §0.2: <c>GET /v1/upload/credential</c> hands out a fileId and a presigned
/// <c>uploadUrl</c> that points back at the simulator (<c>PUT /_s3/{fileId}</c>, no TopView headers, S3-style XML
/// errors), and <c>GET /v1/upload/check</c> says whether the PUT has arrived.
/// </summary>
internal static class TopViewUploadEndpoints
{
    public const string UploadPathPrefix = "/_s3/";

    // The upload token signs the fileId with this index, which no result file has (so it cannot download
    // anything); the signer's tokens carry non-negative indexes only.
    private const int UploadIndex = int.MaxValue;

    public static void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/v1/upload/credential", Credential);
        routes.MapGet("/v1/upload/check", Check);
        routes.MapPut(UploadPathPrefix + "{fileId}", PutAsync).ExcludeFromDescription();
    }

    private static IResult Credential(
        HttpRequest request,
        string? format,
        string? needAccelerateUrl,
        TopViewUploads uploads,
        FileSigner signer,
        TimeProvider time,
        IOptions<SimulatorOptions> options)
    {
        if (TopViewAuth.Uid(request, options) is not { } uid)
        {
            return TopViewError.Unauthorized().ToResult();
        }

        if (TopViewCommonFields.Blank(format) is not { } extension)
        {
            return TopViewError.Missing("format").ToResult();
        }

        if (TopViewUploadFormats.KindOf(extension) is not { } kind)
        {
            return TopViewError.Invalid($"Unsupported format: {extension}. Supported: {TopViewUploadFormats.Supported}.").ToResult();
        }

        var settings = options.Value;
        var upload = uploads.Issue(uid, extension, kind);
        var lifetime = settings.TopView.UploadUrlLifetime;
        var token = signer.Sign(new FileAddress(SimulatedProviders.TopView, upload.FileId, UploadIndex), time.GetUtcNow() + lifetime);
        var baseUrl = settings.PublicBaseUrl?.ToString().TrimEnd('/') ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        var uploadUrl = string.Create(
            CultureInfo.InvariantCulture,
            $"{baseUrl}{UploadPathPrefix}{upload.FileId}?X-Amz-Expires={(long)lifetime.TotalSeconds}&X-Amz-Signature={token}");
        var accelerate = string.Equals(needAccelerateUrl, "true", StringComparison.OrdinalIgnoreCase) ? uploadUrl : null;
        return TopViewEnvelope.Ok(new TopViewUploadCredential(upload.FileId, uploadUrl, $"{upload.FileId}.{upload.Format}", accelerate));
    }

    private static IResult Check(HttpRequest request, string? fileId, TopViewUploads uploads, IOptions<SimulatorOptions> options)
    {
        if (TopViewAuth.Uid(request, options) is not { } uid)
        {
            return TopViewError.Unauthorized().ToResult();
        }

        if (TopViewCommonFields.Blank(fileId) is not { } id)
        {
            return TopViewError.Missing("fileId").ToResult();
        }

        return uploads.Find(id) is { } upload && upload.Uid == uid
            ? TopViewEnvelope.Ok(upload.IsUploaded)
            : TopViewError.NotFound($"File not found: {id}.").ToResult();
    }

    private static async Task<IResult> PutAsync(
        HttpContext context,
        string fileId,
        TopViewUploads uploads,
        FileSigner signer,
        TimeProvider time,
        IOptions<SimulatorOptions> options,
        CancellationToken cancellationToken)
    {
        var token = context.Request.Query["X-Amz-Signature"].ToString();
        var check = signer.Verify(token, time.GetUtcNow(), out var address);
        if (check == FileTokenCheck.Forged
            || address != new FileAddress(SimulatedProviders.TopView, fileId, UploadIndex))
        {
            return S3Error(StatusCodes.Status403Forbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }

        if (check == FileTokenCheck.Expired)
        {
            return S3Error(StatusCodes.Status403Forbidden, "AccessDenied", "Request has expired");
        }

        if (uploads.Find(fileId) is not { } upload)
        {
            // A valid signature for an upload slot a reset has forgotten.
            return S3Error(StatusCodes.Status404NotFound, "NoSuchUpload", "The specified upload does not exist.");
        }

        var limit = TopViewUploadFormats.MaxBytes(upload.Kind, options.Value.TopView);
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            // Kestrel's default cap (30 MB) is below the video limit; the limit is enforced below instead.
            bodySize.MaxRequestBodySize = null;
        }

        if (context.Request.ContentLength > limit || await ReadAtMostAsync(context.Request.Body, limit, cancellationToken) is not { } content)
        {
            return S3Error(StatusCodes.Status400BadRequest, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size.");
        }

        uploads.Store(upload, content);
        return Results.Ok();
    }

    /// <summary>The whole body, or null as soon as it grows past <paramref name="limit"/> bytes.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken);
        }

        return buffer.ToArray();
    }

    private static IResult S3Error(int status, string code, string message) =>
        Results.Text(
            $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>",
            "application/xml",
            statusCode: status);
}
