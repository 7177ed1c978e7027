using System.Buffers.Binary;
using System.Text;

namespace Workers.ProviderSimulator.Tests;

/// <summary>Reads format and pixel size from the first bytes of a PNG, JPEG or WebP file (no decoder needed).</summary>
internal static class ImageHeaders
{
    public static (string Format, int Width, int Height) Read(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
            return ("png", BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
        }

        if (bytes is [0xFF, 0xD8, ..])
        {
            return ReadJpeg(bytes);
        }

        if (bytes.Length >= 30 && Encoding.ASCII.GetString(bytes, 0, 4) == "RIFF" && Encoding.ASCII.GetString(bytes, 8, 4) == "WEBP")
        {
            return ReadWebp(bytes);
        }

        throw new Xunit.Sdk.XunitException($"Not a PNG, JPEG or WebP file (starts with {Convert.ToHexString(bytes.AsSpan(0, Math.Min(12, bytes.Length)))}).");
    }

    private static (string, int, int) ReadJpeg(byte[] bytes)
    {
        var at = 2;
        while (at + 9 < bytes.Length)
        {
            Assert.Equal(0xFF, bytes[at]);
            var marker = bytes[at + 1];
            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 2));

            // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but are not frames.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 5));
                var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(at + 7));
                return ("jpeg", width, height);
            }

            at += 2 + length;
        }

        throw new Xunit.Sdk.XunitException("JPEG without a start-of-frame marker.");
    }

    private static (string, int, int) ReadWebp(byte[] bytes)
    {
        var chunk = Encoding.ASCII.GetString(bytes, 12, 4);
        switch (chunk)
        {
            case "VP8 ":
                Assert.True(bytes[23] == 0x9D && bytes[24] == 0x01 && bytes[25] == 0x2A, "VP8 start code");
                return ("webp", BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(26)) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(28)) & 0x3FFF);
            case "VP8L":
                Assert.Equal(0x2F, bytes[20]);
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(21));
                return ("webp", (int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
            case "VP8X":
                return ("webp", ReadUInt24(bytes, 24) + 1, ReadUInt24(bytes, 27) + 1);
            default:
                throw new Xunit.Sdk.XunitException($"WebP with unknown first chunk '{chunk}'.");
        }
    }

    private static int ReadUInt24(byte[] bytes, int at) => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16);
}
