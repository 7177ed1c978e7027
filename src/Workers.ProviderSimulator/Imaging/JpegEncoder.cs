using System.Buffers.Binary;
using System.Numerics;

namespace Workers.ProviderSimulator.Imaging;

/// <summary>Encodes a raster as a baseline sequential JFIF JPEG with 4:2:0 chroma and the Annex K Huffman tables.</summary>
internal static class JpegEncoder
{
    private const int Quality = 85;
    private const int EndOfBlock = 0x00;
    private const int ZeroRunOf16 = 0xF0;

    public static byte[] Encode(Raster raster)
    {
        var luminanceQuantisation = JpegTables.ScaleQuantisation(JpegTables.LuminanceQuantisation, Quality);
        var chrominanceQuantisation = JpegTables.ScaleQuantisation(JpegTables.ChrominanceQuantisation, Quality);

        using var output = new MemoryStream();
        WriteMarker(output, 0xD8);
        WriteSegment(output, 0xE0, [(byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        WriteQuantisationTables(output, luminanceQuantisation, chrominanceQuantisation);
        WriteFrameHeader(output, raster.Width, raster.Height);
        WriteHuffmanTables(output);
        WriteSegment(output, 0xDA, [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0]);
        WriteScan(output, new YCbCrPlanes(raster), Reciprocals(luminanceQuantisation), Reciprocals(chrominanceQuantisation));
        WriteMarker(output, 0xD9);
        return output.ToArray();
    }

    private static void WriteScan(Stream output, YCbCrPlanes planes, float[] luminance, float[] chrominance)
    {
        var writer = new JpegBitWriter(output);
        var y = new Component(planes.Luma, planes.LumaStride, luminance, JpegTables.LuminanceDc, JpegTables.LuminanceAc);
        var cb = new Component(planes.Cb, planes.ChromaStride, chrominance, JpegTables.ChrominanceDc, JpegTables.ChrominanceAc);
        var cr = new Component(planes.Cr, planes.ChromaStride, chrominance, JpegTables.ChrominanceDc, JpegTables.ChrominanceAc);
        for (var top = 0; top < planes.LumaRows; top += 16)
        {
            for (var left = 0; left < planes.LumaStride; left += 16)
            {
                // A 4:2:0 MCU: four luma blocks in reading order, then one block of each chroma plane.
                for (var block = 0; block < 4; block++)
                {
                    EncodeBlock(writer, y, ((top + (block / 2 * 8)) * planes.LumaStride) + left + (block % 2 * 8));
                }

                var chromaOffset = (top / 2 * planes.ChromaStride) + (left / 2);
                EncodeBlock(writer, cb, chromaOffset);
                EncodeBlock(writer, cr, chromaOffset);
            }
        }

        writer.Flush();
    }

    private static void EncodeBlock(JpegBitWriter writer, Component component, int offset)
    {
        Span<int> coefficients = stackalloc int[64];
        Quantise(component, offset, coefficients);
        WriteCoefficients(writer, component, coefficients);
    }

    /// <summary>Transforms and quantises the 8×8 block at the offset into coefficients in zig-zag order.</summary>
    private static void Quantise(Component component, int offset, Span<int> coefficients)
    {
        var (plane, stride, reciprocals) = (component.Plane, component.Stride, component.Reciprocals);
        Span<float> samples = stackalloc float[64];
        var first = plane[offset];
        var uniform = true;
        for (var row = 0; row < 8; row++)
        {
            for (var column = 0; column < 8; column++)
            {
                var value = plane[offset + (row * stride) + column];
                uniform &= value == first;
                samples[(row * 8) + column] = value - 128;
            }
        }

        if (uniform)
        {
            // Most blocks of a flat placeholder are one colour: the DCT of a constant is its DC term alone, 8·(value − 128).
            coefficients.Clear();
            coefficients[0] = (int)MathF.Round(8 * (first - 128) * reciprocals[0]);
        }
        else
        {
            ForwardDct.Transform(samples);
            for (var k = 0; k < 64; k++)
            {
                var natural = JpegTables.ZigZag[k];
                coefficients[k] = (int)MathF.Round(samples[natural] * reciprocals[natural]);
            }
        }
    }

    // T.81 F.1.2: the DC term as a difference from the previous block's, then AC terms as (zero run, size) symbols.
    private static void WriteCoefficients(JpegBitWriter writer, Component component, ReadOnlySpan<int> coefficients)
    {
        var difference = coefficients[0] - component.PreviousDc;
        component.PreviousDc = coefficients[0];
        var category = Category(difference);
        component.Dc.Write(writer, category);
        writer.Write(AmplitudeBits(difference), category);

        var zeros = 0;
        for (var k = 1; k < 64; k++)
        {
            var coefficient = coefficients[k];
            if (coefficient == 0)
            {
                zeros++;
                continue;
            }

            for (; zeros >= 16; zeros -= 16)
            {
                component.Ac.Write(writer, ZeroRunOf16);
            }

            category = Category(coefficient);
            component.Ac.Write(writer, (zeros << 4) | category);
            writer.Write(AmplitudeBits(coefficient), category);
            zeros = 0;
        }

        if (zeros > 0)
        {
            component.Ac.Write(writer, EndOfBlock);
        }
    }

    // T.81 F.1.2.1: the number of bits of |value|, and negative values sent as value − 1 in that many bits.
    private static int Category(int value) => 32 - BitOperations.LeadingZeroCount((uint)Math.Abs(value));

    private static int AmplitudeBits(int value) => value < 0 ? value - 1 : value;

    private static float[] Reciprocals(byte[] quantisation) => [.. quantisation.Select(q => 1f / q)];

    private static void WriteQuantisationTables(Stream output, byte[] luminance, byte[] chrominance)
    {
        var payload = new byte[2 * 65];
        payload[65] = 1;
        for (var k = 0; k < 64; k++)
        {
            payload[1 + k] = luminance[JpegTables.ZigZag[k]];
            payload[66 + k] = chrominance[JpegTables.ZigZag[k]];
        }

        WriteSegment(output, 0xDB, payload);
    }

    private static void WriteFrameHeader(Stream output, int width, int height)
    {
        // Component 1 (Y) is sampled 2×2 against 1×1 for Cb and Cr: that is what makes the chroma 4:2:0.
        Span<byte> payload = [8, 0, 0, 0, 0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
        BinaryPrimitives.WriteUInt16BigEndian(payload[1..], (ushort)height);
        BinaryPrimitives.WriteUInt16BigEndian(payload[3..], (ushort)width);
        WriteSegment(output, 0xC0, payload);
    }

    private static void WriteHuffmanTables(Stream output)
    {
        using var payload = new MemoryStream();
        foreach (var (classAndId, table) in (ReadOnlySpan<(byte, JpegHuffmanTable)>)
            [(0x00, JpegTables.LuminanceDc), (0x10, JpegTables.LuminanceAc), (0x01, JpegTables.ChrominanceDc), (0x11, JpegTables.ChrominanceAc)])
        {
            payload.WriteByte(classAndId);
            payload.Write(table.CountsPerLength);
            payload.Write(table.Symbols);
        }

        WriteSegment(output, 0xC4, payload.ToArray());
    }

    private static void WriteMarker(Stream output, byte marker)
    {
        output.WriteByte(0xFF);
        output.WriteByte(marker);
    }

    private static void WriteSegment(Stream output, byte marker, ReadOnlySpan<byte> payload)
    {
        WriteMarker(output, marker);
        Span<byte> length = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(length, (ushort)(payload.Length + 2));
        output.Write(length);
        output.Write(payload);
    }

    /// <summary>One colour component of the scan: its samples, tables, and the DC value its next block is coded against.</summary>
    private sealed class Component(byte[] plane, int stride, float[] reciprocals, JpegHuffmanTable dc, JpegHuffmanTable ac)
    {
        public byte[] Plane { get; } = plane;

        public int Stride { get; } = stride;

        public float[] Reciprocals { get; } = reciprocals;

        public JpegHuffmanTable Dc { get; } = dc;

        public JpegHuffmanTable Ac { get; } = ac;

        public int PreviousDc { get; set; }
    }
}
