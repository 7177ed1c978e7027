using System.Buffers.Binary;

namespace Workers.ProviderSimulator.Imaging;

/// <summary>
/// Encodes a raster as lossless WebP: a VP8L bitstream (RFC 9649) in a RIFF container, with one prefix-code group
/// for the whole image and copies from the pixel above or to the left doing the compression.
/// </summary>
internal static class WebpEncoder
{
    private const byte Vp8lSignature = 0x2F;
    private const int LiteralCount = 256;
    private const int LengthPrefixCount = 24;
    private const int DistancePrefixCount = 40;
    private const int MaxCodeLength = 15;

    public static byte[] Encode(Raster raster)
    {
        var tokens = Vp8lBackwardReferences.Find(raster.Pixels, raster.Width);
        var (green, red, blue, alpha, distance) = BuildCodes(tokens);

        var writer = new Vp8lBitWriter();
        writer.Write(Vp8lSignature, 8);
        writer.Write((uint)raster.Width - 1, 14);
        writer.Write((uint)raster.Height - 1, 14);
        writer.Write(0, 1); // alpha_is_used: every pixel is opaque
        writer.Write(0, 3); // version
        writer.Write(0, 1); // no transforms
        writer.Write(0, 1); // no colour cache
        writer.Write(0, 1); // no meta prefix codes: one group for the whole image
        foreach (var code in (ReadOnlySpan<HuffmanCode>)[green, red, blue, alpha, distance])
        {
            Vp8lCodeWriter.Write(writer, code);
        }

        foreach (var token in tokens)
        {
            if (token.IsCopy)
            {
                var (lengthSymbol, lengthBitCount, lengthBits) = Vp8lToken.Prefix(token.Length);
                green.Write(writer, LiteralCount + lengthSymbol);
                writer.Write((uint)lengthBits, lengthBitCount);
                var (distanceSymbol, distanceBitCount, distanceBits) = Vp8lToken.Prefix(token.DistanceCode);
                distance.Write(writer, distanceSymbol);
                writer.Write((uint)distanceBits, distanceBitCount);
            }
            else
            {
                green.Write(writer, (int)(token.Argb >> 8) & 0xFF);
                red.Write(writer, (int)(token.Argb >> 16) & 0xFF);
                blue.Write(writer, (int)token.Argb & 0xFF);
                alpha.Write(writer, (int)(token.Argb >> 24));
            }
        }

        return WrapInRiff(writer.ToArray());
    }

    private static (HuffmanCode Green, HuffmanCode Red, HuffmanCode Blue, HuffmanCode Alpha, HuffmanCode Distance) BuildCodes(
        List<Vp8lToken> tokens)
    {
        // Green shares its alphabet with the length prefixes, so a decoder tells literals from copies by the first symbol.
        var green = new int[LiteralCount + LengthPrefixCount];
        var red = new int[LiteralCount];
        var blue = new int[LiteralCount];
        var alpha = new int[LiteralCount];
        var distance = new int[DistancePrefixCount];
        foreach (var token in tokens)
        {
            if (token.IsCopy)
            {
                green[LiteralCount + Vp8lToken.Prefix(token.Length).Symbol]++;
                distance[Vp8lToken.Prefix(token.DistanceCode).Symbol]++;
            }
            else
            {
                green[(token.Argb >> 8) & 0xFF]++;
                red[(token.Argb >> 16) & 0xFF]++;
                blue[token.Argb & 0xFF]++;
                alpha[token.Argb >> 24]++;
            }
        }

        return (
            HuffmanCode.FromCounts(green, MaxCodeLength),
            HuffmanCode.FromCounts(red, MaxCodeLength),
            HuffmanCode.FromCounts(blue, MaxCodeLength),
            HuffmanCode.FromCounts(alpha, MaxCodeLength),
            HuffmanCode.FromCounts(distance, MaxCodeLength));
    }

    private static byte[] WrapInRiff(byte[] vp8l)
    {
        // RIFF chunks are padded to an even size; the pad byte counts in the RIFF size but not in the chunk's own.
        var padded = vp8l.Length + (vp8l.Length & 1);
        var file = new byte[20 + padded];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(4), (uint)(12 + padded));
        "WEBP"u8.CopyTo(file.AsSpan(8));
        "VP8L"u8.CopyTo(file.AsSpan(12));
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(16), (uint)vp8l.Length);
        vp8l.CopyTo(file.AsSpan(20));
        return file;
    }
}
