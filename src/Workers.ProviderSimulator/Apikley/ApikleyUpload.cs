namespace Workers.ProviderSimulator.Apikley;

/// <summary>One uploaded file, kept in memory until <c>ExpiresAt</c> (docs/PROVIDERS.md §3.1: deleted after 3 days).</summary>
internal sealed record ApikleyUpload(
    string FileId,
    string FileName,
    string OriginalName,
    string UploadPath,
    string MimeType,
    byte[] Bytes,
    DateTimeOffset UploadedAt,
    DateTimeOffset ExpiresAt)
{
    /// <summary>Prefix of upload ids; it also tells uploads from tasks in signed file links.</summary>
    public const string IdPrefix = "file_";

    /// <summary>Where <c>fileUrl</c> points: <c>{uploadPath}/{fileName}</c>, the key a same-name upload overwrites.</summary>
    public string StoragePath => $"{UploadPath}/{FileName}";
}
