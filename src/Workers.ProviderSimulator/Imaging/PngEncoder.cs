using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Workers.ProviderSimulator.Imaging;

/// <summary>Encodes a raster as an 8-bit RGB PNG.</summary>
internal static class PngEncoder
{
    private const byte ColourTypeRgb = 2;
    private const byte FilterUp = 2;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(Raster raster)
    {
        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, raster.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], raster.Height);
        header[8] = 8;
        header[9] = ColourTypeRgb;
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "IDAT", Compress(raster));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Compress(Raster raster)
    {
        var stride = raster.Width * 3;
        var previous = new byte[stride];
        var current = new byte[stride];
        var line = new byte[stride + 1];
        line[0] = FilterUp;

        using var compressed = new MemoryStream();

        // Measured on placeholders: Fastest is no quicker than Optimal but about six times larger; SmallestSize is
        // several times slower for 10% less.
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var y = 0; y < raster.Height; y++)
            {
                ToRgbBytes(raster.Row(y), current);

                // "Up" turns every row that repeats the one above into zeros, which is most rows of a flat
                // placeholder; on the first row the row above counts as zeros, so it is stored as is.
                for (var i = 0; i < stride; i++)
                {
                    line[i + 1] = (byte)(current[i] - previous[i]);
                }

                zlib.Write(line);
                (previous, current) = (current, previous);
            }
        }

        return compressed.ToArray();
    }

    private static void ToRgbBytes(ReadOnlySpan<uint> pixels, Span<byte> rgb)
    {
        for (var x = 0; x < pixels.Length; x++)
        {
            var argb = pixels[x];
            rgb[3 * x] = (byte)(argb >> 16);
            rgb[(3 * x) + 1] = (byte)(argb >> 8);
            rgb[(3 * x) + 2] = (byte)argb;
        }
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> typeBytes = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, typeBytes);
        Span<byte> word = stackalloc byte[4];

        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(typeBytes);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Append(Crc32.Compute(typeBytes), data));
        output.Write(word);
    }
}
