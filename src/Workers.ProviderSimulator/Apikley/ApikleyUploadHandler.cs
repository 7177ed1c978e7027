using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Files;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// The three upload endpoints of docs/PROVIDERS.md §3.1 (multipart stream, remote URL, base64) and <c>GET /file-upload/files/…</c>
/// (the <c>fileUrl</c> of a live upload). Bytes stay in memory (<see cref="ApikleyUploadStore"/>); refusals are
/// HTTP 200 with <c>{ success: false, code, msg }</c>, code 400 for bad input [ASSUMPTION: the upload docs list 400, 401, 500].
/// </summary>
internal sealed class ApikleyUploadHandler(
    ApikleyUploadStore uploads,
    FileLinks links,
    IHttpClientFactory httpClients,
    TimeProvider time,
    IOptions<SimulatorOptions> options)
{
    /// <summary>The HttpClient that fetches URL uploads.</summary>
    public const string HttpClientName = "apikley-url-upload";

    public const string FilesPath = "/file-upload/files";

    private const int BadRequest = 400;
    private const string OctetStream = "application/octet-stream";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private long MaxBytes => options.Value.Apikley.MaxUploadMegabytes * 1024L * 1024L;

    public async Task<IResult> StreamAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (Refusal(context) is { } refused)
        {
            return refused;
        }

        // The whole form (file and fields) may be up to the upload bound, over Kestrel's 30 MB default.
        AllowBody(context, MaxBytes + (1024 * 1024));
        if (!context.Request.HasFormContentType)
        {
            return Fail(BadRequest, "The request must be multipart/form-data with a 'file' part.");
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return Fail(BadRequest, $"Could not read the form: {e.Message}");
        }

        if (form.Files.GetFile("file") is not { } file || file.Length == 0)
        {
            return Fail(BadRequest, "file is required and must not be empty.");
        }

        if (file.Length > MaxBytes)
        {
            return TooLarge();
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        return Store(context.Request, buffer.ToArray(), file.FileName, file.ContentType, form["uploadPath"], form["fileName"]);
    }

    public async Task<IResult> UrlAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (Refusal(context) is { } refused)
        {
            return refused;
        }

        if (await ReadJsonAsync<ApikleyUrlUploadRequest>(context.Request, cancellationToken) is not { } body)
        {
            return Fail(BadRequest, "The request body must be a JSON object with fileUrl and uploadPath.");
        }

        if (!Uri.TryCreate(body.FileUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return Fail(BadRequest, "fileUrl must be an absolute http(s) URL.");
        }

        if (ValidUploadPath(body.UploadPath) is null)
        {
            return Fail(BadRequest, UploadPathRule);
        }

        var (bytes, contentType, error) = await FetchAsync(url, cancellationToken);
        return error ?? Store(context.Request, bytes!, Path.GetFileName(url.AbsolutePath), contentType, body.UploadPath, body.FileName);
    }

    public async Task<IResult> Base64Async(HttpContext context, CancellationToken cancellationToken)
    {
        if (Refusal(context) is { } refused)
        {
            return refused;
        }

        AllowBody(context, (MaxBytes * 4 / 3) + (1024 * 1024));
        if (await ReadJsonAsync<ApikleyBase64UploadRequest>(context.Request, cancellationToken) is not { Base64Data: { Length: > 0 } data } body)
        {
            return Fail(BadRequest, "base64Data is required.");
        }

        // A data: URL carries its MIME type ("data:image/png;base64,…"); raw base64 does not.
        string? contentType = null;
        if (data.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = data.IndexOf(',', StringComparison.Ordinal);
            var header = comma > 0 ? data[5..comma] : "";
            if (comma < 0 || !header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
            {
                return Fail(BadRequest, "base64Data must be base64 or a base64 data: URL.");
            }

            contentType = header[..^";base64".Length];
            data = data[(comma + 1)..];
        }

        var bytes = new byte[data.Length * 3 / 4 + 3];
        if (!Convert.TryFromBase64String(data, bytes, out var written) || written == 0)
        {
            return Fail(BadRequest, "base64Data is not valid base64.");
        }

        return written > MaxBytes
            ? TooLarge()
            : Store(context.Request, bytes[..written], originalName: "", contentType, body.UploadPath, body.FileName);
    }

    /// <summary><c>GET /file-upload/files/{uploadPath}/{fileName}</c>: the bytes of a live upload (404 once gone).</summary>
    public IResult Serve(string path)
    {
        return uploads.FindByPath(path, time.GetUtcNow()) is { } upload
            ? Results.File(upload.Bytes, upload.MimeType)
            : Results.Text("No such file.", statusCode: StatusCodes.Status404NotFound);
    }

    private const string UploadPathRule = "uploadPath is required: a relative path such as 'images/user-uploads', without leading or trailing '/'.";

    private static string? ValidUploadPath(string? path) =>
        string.IsNullOrWhiteSpace(path)
        || path.StartsWith('/') || path.EndsWith('/')
        || path.Split('/').Any(segment => segment is "" or "." or "..")
        || path.Any(c => char.IsWhiteSpace(c) || c == '\\' || c == '?' || c == '#')
            ? null
            : path;

    private IResult Store(HttpRequest request, byte[] bytes, string originalName, string? declaredType, string? uploadPath, string? fileName)
    {
        if (ValidUploadPath(uploadPath) is not { } path)
        {
            return Fail(BadRequest, UploadPathRule);
        }

        var name = string.IsNullOrWhiteSpace(fileName) ? null : fileName.Trim();
        if (name is not null && (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) || name is "." or ".."))
        {
            return Fail(BadRequest, "fileName must be a plain file name, without '/'.");
        }

        var mimeType = MimeTypeOf(name ?? originalName, declaredType);
        // [FACT kie] Without fileName a random name is generated; it keeps the original extension.
        name ??= $"{Guid.NewGuid():N}{Path.GetExtension(originalName)}";
        var now = time.GetUtcNow();
        var lifetime = options.Value.Apikley.UploadLifetime;
        var upload = new ApikleyUpload(
            $"{ApikleyUpload.IdPrefix}{Guid.NewGuid():N}",
            name,
            string.IsNullOrEmpty(originalName) ? name : originalName,
            path,
            mimeType,
            bytes,
            now,
            now + lifetime);
        uploads.Add(upload, now);

        var baseUrl = links.BaseUrlOf(request);
        var fileUrl = $"{baseUrl}{FilesPath}/{string.Join('/', upload.StoragePath.Split('/').Select(Uri.EscapeDataString))}";
        var downloadUrl = links.Create(baseUrl, new FileAddress(SimulatedProviders.Apikley, upload.FileId, 0), name, lifetime);
        return Results.Json(new ApikleyUploadEnvelope(true, ApikleyCodes.Success, "File uploaded successfully", new ApikleyUploadData(
            upload.FileId, name, upload.OriginalName, bytes.LongLength, mimeType, path, fileUrl, downloadUrl, now, upload.ExpiresAt)));
    }

    private async Task<(byte[]? Bytes, string? ContentType, IResult? Error)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Apikley.UrlUploadTimeout);
        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, null, Fail(BadRequest, string.Create(
                    CultureInfo.InvariantCulture,
                    $"Could not download fileUrl: the server answered HTTP {(int)response.StatusCode}.")));
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                return (null, null, TooLarge());
            }

            await using var stream = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, timeout.Token)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                {
                    return (null, null, TooLarge());
                }

                await buffer.WriteAsync(chunk.AsMemory(0, read), timeout.Token);
            }

            return buffer.Length == 0
                ? (null, null, Fail(BadRequest, "fileUrl points to an empty file."))
                : (buffer.ToArray(), response.Content.Headers.ContentType?.MediaType, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, null, Fail(BadRequest, "Could not download fileUrl: it took longer than the upload timeout."));
        }
        catch (HttpRequestException e)
        {
            return (null, null, Fail(BadRequest, $"Could not download fileUrl: {e.Message}"));
        }
    }

    private IResult? Refusal(HttpContext context)
    {
        var (_, refused) = ApikleyAuth.Admit(context.Request, options);
        return refused is null ? null : Fail(refused.Code, refused.Msg);
    }

    private IResult TooLarge() => Fail(BadRequest, string.Create(
        CultureInfo.InvariantCulture,
        $"The file is larger than the upload limit of {options.Value.Apikley.MaxUploadMegabytes} MB."));

    private static IResult Fail(int code, string msg) => Results.Json(new ApikleyUploadEnvelope(false, code, msg, null));

    private static string MimeTypeOf(string name, string? declared)
    {
        if (!string.IsNullOrEmpty(declared) && declared != OctetStream && MediaTypeHeaderValue.TryParse(declared, out var parsed))
        {
            return parsed.MediaType!;
        }

        return ContentTypes.TryGetContentType(name, out var byExtension) ? byExtension : OctetStream;
    }

    private static void AllowBody(HttpContext context, long bytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = bytes;
        }
    }

    private static async Task<T?> ReadJsonAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
