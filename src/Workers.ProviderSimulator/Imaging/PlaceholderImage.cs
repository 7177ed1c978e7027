namespace Workers.ProviderSimulator.Imaging;

/// <summary>Renders placeholder images (numbered panels on a seed-coloured background) as PNG, JPEG or WebP bytes.</summary>
public static class PlaceholderImage
{
    // Far above the 3840×3840 the simulator serves, and well inside every format's limit (VP8L: 16384).
    private const int MaxDimension = 8192;
    private const int MaxPanelsPerSide = 64;

    /// <summary>Renders and encodes the image; the same spec always gives the same bytes.</summary>
    public static byte[] Render(ImageSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Height);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Width, MaxDimension);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Height, MaxDimension);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.Rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Columns, MaxPanelsPerSide);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(spec.Rows, MaxPanelsPerSide);

        var raster = PlaceholderRenderer.Draw(spec);
        return spec.Format switch
        {
            ImageFormat.Png => PngEncoder.Encode(raster),
            ImageFormat.Jpeg => JpegEncoder.Encode(raster),
            ImageFormat.Webp => WebpEncoder.Encode(raster),
            _ => throw UnknownFormat(spec.Format),
        };
    }

    /// <summary>The content type for a format: image/png, image/jpeg or image/webp.</summary>
    public static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Webp => "image/webp",
        _ => throw UnknownFormat(format),
    };

    /// <summary>The usual file extension for a format, without the dot: png, jpg or webp.</summary>
    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Webp => "webp",
        _ => throw UnknownFormat(format),
    };

    private static ArgumentOutOfRangeException UnknownFormat(ImageFormat format) =>
        new(nameof(format), format, "Unknown image format.");
}
