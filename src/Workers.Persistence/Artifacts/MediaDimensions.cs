using System.Buffers.Binary;

namespace Workers.Persistence.Artifacts;

/// <summary>Reads an image's pixel width and height from its first bytes (PNG, JPEG, WebP) without decoding it.</summary>
public static class MediaDimensions
{
    /// <summary>How many leading bytes to pass so that JPEGs with large metadata segments (EXIF, ICC) before the frame header are read.</summary>
    public const int RecommendedHeaderBytes = 64 * 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegStartOfImage => [0xFF, 0xD8];

    private static ReadOnlySpan<byte> Vp8StartCode => [0x9D, 0x01, 0x2A];

    /// <summary>Width and height in pixels, or null when the header is not a PNG, JPEG or WebP image or is cut short.</summary>
    /// <remarks>
    /// The bytes decide the format, because providers mislabel images (a PNG served as <c>image/jpeg</c>);
    /// the content type only rules out media that is not an image.
    /// </remarks>
    public static (int Width, int Height)? TryRead(ReadOnlySpan<byte> header, string contentType)
    {
        if (!MayBeImage(contentType))
        {
            return null;
        }

        var size = header.StartsWith(PngSignature) ? TryReadPng(header)
            : header.StartsWith(JpegStartOfImage) ? TryReadJpeg(header)
            : IsWebP(header) ? TryReadWebP(header)
            : null;
        return size is { Width: > 0, Height: > 0 } ? size : null;
    }

    private static bool MayBeImage(string contentType) =>
        string.IsNullOrEmpty(contentType)
        || contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase)
        || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase);

    // The IHDR chunk must come first: length, "IHDR", then big-endian width and height.
    private static (int Width, int Height)? TryReadPng(ReadOnlySpan<byte> header)
    {
        if (header.Length < 24 || !header[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        return (BinaryPrimitives.ReadInt32BigEndian(header[16..]), BinaryPrimitives.ReadInt32BigEndian(header[20..]));
    }

    // Walks the marker segments after SOI until a start-of-frame (SOFn) segment, which holds height then width.
    private static (int Width, int Height)? TryReadJpeg(ReadOnlySpan<byte> header)
    {
        var position = 2;
        while (position < header.Length)
        {
            if (header[position] != 0xFF)
            {
                return null;
            }

            // Any number of 0xFF fill bytes may precede a marker.
            while (position < header.Length && header[position] == 0xFF)
            {
                position++;
            }

            if (position >= header.Length)
            {
                return null;
            }

            var marker = header[position++];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                continue; // TEM and RSTn stand alone, with no length.
            }

            if (marker is 0xD9 or 0xDA || position + 2 > header.Length)
            {
                return null; // End of image, or entropy-coded data begins, before any frame header.
            }

            var segmentLength = BinaryPrimitives.ReadUInt16BigEndian(header[position..]);
            if (segmentLength < 2)
            {
                return null;
            }

            if (IsStartOfFrame(marker))
            {
                // Length (2), sample precision (1), height (2), width (2).
                return position + 7 > header.Length
                    ? null
                    : (BinaryPrimitives.ReadUInt16BigEndian(header[(position + 5)..]), BinaryPrimitives.ReadUInt16BigEndian(header[(position + 3)..]));
            }

            position += segmentLength;
        }

        return null;
    }

    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC) which share the range.
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static bool IsWebP(ReadOnlySpan<byte> header) =>
        header.Length >= 16 && header[..4].SequenceEqual("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8);

    // The first chunk after "WEBP" says which bitstream follows; its payload starts at offset 20.
    private static (int Width, int Height)? TryReadWebP(ReadOnlySpan<byte> header)
    {
        var chunk = header[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: 3-byte frame tag, start code 9D 01 2A, then 14-bit width and height (the top 2 bits are scaling).
            if (header.Length < 30 || !header[23..26].SequenceEqual(Vp8StartCode))
            {
                return null;
            }

            return (BinaryPrimitives.ReadUInt16LittleEndian(header[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(header[28..]) & 0x3FFF);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: signature 0x2F, then width-1 and height-1 as 14-bit fields of a little-endian 32-bit word.
            if (header.Length < 25 || header[20] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(header[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended: 4 bytes of flags, then canvas width-1 and height-1 as 24-bit little-endian values.
            if (header.Length < 30)
            {
                return null;
            }

            return (ReadUInt24LittleEndian(header[24..]) + 1, ReadUInt24LittleEndian(header[27..]) + 1);
        }

        return null;
    }

    private static int ReadUInt24LittleEndian(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);
}
