namespace Workers.Providers.TopView;

/// <summary>
/// The upload <c>format</c> of a reference image (TopView takes png, jpg, webp, bmp among its image formats): from the
/// bytes' signature first, since a server's content type or a URL's extension can lie, then from those.
/// </summary>
public static class TopViewImageFormats
{
    /// <summary>The format, or null when nothing says this is an image TopView takes.</summary>
    public static string? Detect(ReadOnlySpan<byte> bytes, string? contentType, string? path)
    {
        if (FromSignature(bytes) is { } signed)
        {
            return signed;
        }

        var media = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (FromContentType(media) is { } declared)
        {
            return declared;
        }

        // A server that names a non-image type (an HTML error page) is believed over the URL's extension.
        if (media is { Length: > 0 } and not "application/octet-stream" and not "binary/octet-stream")
        {
            return null;
        }

        return FromExtension(Path.GetExtension(path ?? "").TrimStart('.').ToLowerInvariant());
    }

    /// <summary>The content type of the PUT for <paramref name="format"/>.</summary>
    public static string ContentType(string format) => format switch
    {
        "png" => "image/png",
        "jpg" => "image/jpeg",
        "webp" => "image/webp",
        "bmp" => "image/bmp",
        _ => "application/octet-stream",
    };

    private static string? FromSignature(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "jpg";
        }

        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        return bytes.Length >= 26 && bytes[..2].SequenceEqual("BM"u8) ? "bmp" : null;
    }

    private static string? FromContentType(string? media) => media switch
    {
        "image/png" => "png",
        "image/jpeg" or "image/jpg" or "image/pjpeg" => "jpg",
        "image/webp" => "webp",
        "image/bmp" or "image/x-bmp" or "image/x-ms-bmp" => "bmp",
        _ => null,
    };

    private static string? FromExtension(string extension) => extension switch
    {
        "png" => "png",
        "jpg" or "jpeg" => "jpg",
        "webp" => "webp",
        "bmp" => "bmp",
        _ => null,
    };
}
