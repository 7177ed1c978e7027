using System.Buffers.Binary;
using System.IO.Compression;

namespace Workers.ProviderSimulator.Imaging;

// TEMPORARY stub of the imaging API so the simulator builds and runs before the real encoder lands.
// Every format is rendered as a flat grey PNG of the requested size; the real PlaceholderImage replaces this file.

/// <summary>Encoded image formats the simulator can return.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Webp,
}

/// <summary>What to draw: pixel size, format, an optional grid of numbered panels, a seed and a caption.</summary>
public sealed record ImageSpec(int Width, int Height, ImageFormat Format, int Columns = 1, int Rows = 1, int Seed = 0, string? Caption = null);

/// <summary>Renders placeholder images as real encoded bytes (stub: always a grey PNG).</summary>
public static class PlaceholderImage
{
    /// <summary>Renders <paramref name="spec"/> (stub: a grey PNG of the requested size, whatever the format).</summary>
    public static byte[] Render(ImageSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, spec.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), spec.Height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        WriteChunk(output, "IHDR"u8, header);

        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
            {
                var row = new byte[spec.Width + 1];
                row.AsSpan(1).Fill(0x80);
                for (var y = 0; y < spec.Height; y++)
                {
                    zlib.Write(row);
                }
            }

            WriteChunk(output, "IDAT"u8, pixels.ToArray());
        }

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    /// <summary>The MIME type of <paramref name="format"/>.</summary>
    public static string ContentType(ImageFormat format) => format switch
    {
        ImageFormat.Png => "image/png",
        ImageFormat.Jpeg => "image/jpeg",
        ImageFormat.Webp => "image/webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The usual file extension of <paramref name="format"/>, without the dot.</summary>
    public static string Extension(ImageFormat format) => format switch
    {
        ImageFormat.Png => "png",
        ImageFormat.Jpeg => "jpg",
        ImageFormat.Webp => "webp",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        output.Write(type);
        output.Write(data);
        var crc = Crc32(type, data);
        BinaryPrimitives.WriteUInt32BigEndian(length, crc);
        output.Write(length);
    }

    private static uint Crc32(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        crc = Update(crc, type);
        crc = Update(crc, data);
        return crc ^ 0xFFFFFFFFu;

        static uint Update(uint crc, ReadOnlySpan<byte> bytes)
        {
            foreach (var b in bytes)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++)
                {
                    crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
                }
            }

            return crc;
        }
    }
}
