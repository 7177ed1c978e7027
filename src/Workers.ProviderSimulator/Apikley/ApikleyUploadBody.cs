using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>The upload API's wrapper (docs/PROVIDERS.md §3.1): <c>{ "success", "code", "msg", "data" }</c>.</summary>
internal sealed record ApikleyUploadEnvelope(
    [property: JsonPropertyName("success")] bool Success,
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("data")] ApikleyUploadData? Data);

/// <summary>What an upload answers about the stored file; <c>downloadUrl</c> is what <c>image_urls</c> takes.</summary>
internal sealed record ApikleyUploadData(
    [property: JsonPropertyName("fileId")] string FileId,
    [property: JsonPropertyName("fileName")] string FileName,
    [property: JsonPropertyName("originalName")] string OriginalName,
    [property: JsonPropertyName("fileSize")] long FileSize,
    [property: JsonPropertyName("mimeType")] string MimeType,
    [property: JsonPropertyName("uploadPath")] string UploadPath,
    [property: JsonPropertyName("fileUrl")] string FileUrl,
    [property: JsonPropertyName("downloadUrl")] string DownloadUrl,
    [property: JsonPropertyName("uploadTime")] DateTimeOffset UploadTime,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset ExpiresAt);

/// <summary>The JSON body of <c>file-url-upload</c>.</summary>
internal sealed record ApikleyUrlUploadRequest(
    [property: JsonPropertyName("fileUrl")] string? FileUrl,
    [property: JsonPropertyName("uploadPath")] string? UploadPath,
    [property: JsonPropertyName("fileName")] string? FileName);

/// <summary>The JSON body of <c>file-base64-upload</c>; <c>base64Data</c> is raw base64 or a <c>data:</c> URL.</summary>
internal sealed record ApikleyBase64UploadRequest(
    [property: JsonPropertyName("base64Data")] string? Base64Data,
    [property: JsonPropertyName("uploadPath")] string? UploadPath,
    [property: JsonPropertyName("fileName")] string? FileName);
