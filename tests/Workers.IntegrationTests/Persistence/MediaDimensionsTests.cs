using System.Buffers.Binary;
using Workers.Persistence.Artifacts;

namespace Workers.IntegrationTests.Persistence;

public sealed class MediaDimensionsTests
{
    [Fact]
    public void TryRead_Png_ReadsIhdr()
    {
        Assert.Equal((1920, 1080), MediaDimensions.TryRead(Png(1920, 1080), "image/png"));
    }

    [Fact]
    public void TryRead_PngLabelledAsJpeg_TrustsTheBytes()
    {
        Assert.Equal((64, 32), MediaDimensions.TryRead(Png(64, 32), "image/jpeg"));
    }

    [Fact]
    public void TryRead_JpegBaseline_ReadsSof0AfterOtherSegments()
    {
        byte[] header = [.. Jpeg([App0(), Segment(0xDB, new byte[65]), Segment(0xC4, new byte[28]), StartOfFrame(0xC0, 1024, 768)])];

        Assert.Equal((1024, 768), MediaDimensions.TryRead(header, "image/jpeg"));
    }

    [Fact]
    public void TryRead_JpegProgressiveWithFillBytesAndLargeExif_ReadsSof2()
    {
        byte[] fill = [0xFF, 0xFF];
        var header = Jpeg([App0(), Segment(0xE1, new byte[60_000]), fill, StartOfFrame(0xC2, 4000, 3000)]);

        Assert.True(header.Length <= MediaDimensions.RecommendedHeaderBytes);
        Assert.Equal((4000, 3000), MediaDimensions.TryRead(header, "image/jpeg"));
    }

    [Fact]
    public void TryRead_JpegCutBeforeTheFrameHeader_ReturnsNull()
    {
        var header = Jpeg([App0(), Segment(0xE1, new byte[60_000]), StartOfFrame(0xC0, 10, 10)]);

        Assert.Null(MediaDimensions.TryRead(header.AsSpan(0, 40_000), "image/jpeg"));
    }

    [Fact]
    public void TryRead_JpegScanBeforeAnyFrameHeader_ReturnsNull()
    {
        var header = Jpeg([App0(), Segment(0xDA, new byte[10]), StartOfFrame(0xC0, 10, 10)]);

        Assert.Null(MediaDimensions.TryRead(header, "image/jpeg"));
    }

    [Fact]
    public void TryRead_WebPLossy_ReadsVp8FrameHeader()
    {
        var payload = new byte[10];
        payload[3] = 0x9D;
        payload[4] = 0x01;
        payload[5] = 0x2A;
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(6), 800 | (1 << 14)); // top bits: horizontal scale, not size
        BinaryPrimitives.WriteUInt16LittleEndian(payload.AsSpan(8), 600);

        Assert.Equal((800, 600), MediaDimensions.TryRead(WebP("VP8 ", payload), "image/webp"));
    }

    [Fact]
    public void TryRead_WebPLossless_ReadsVp8LHeader()
    {
        var payload = new byte[5];
        payload[0] = 0x2F;
        BinaryPrimitives.WriteUInt32LittleEndian(payload.AsSpan(1), (uint)(640 - 1) | ((uint)(480 - 1) << 14));

        Assert.Equal((640, 480), MediaDimensions.TryRead(WebP("VP8L", payload), "image/webp"));
    }

    [Fact]
    public void TryRead_WebPExtended_ReadsVp8XCanvas()
    {
        var payload = new byte[10];
        payload[0] = 0x10; // alpha flag
        WriteUInt24LittleEndian(payload.AsSpan(4), 5000 - 1);
        WriteUInt24LittleEndian(payload.AsSpan(7), 70_000 - 1);

        Assert.Equal((5000, 70_000), MediaDimensions.TryRead(WebP("VP8X", payload), "image/webp"));
    }

    [Fact]
    public void TryRead_OctetStreamPng_ReadsIt()
    {
        Assert.Equal((3, 4), MediaDimensions.TryRead(Png(3, 4), "application/octet-stream"));
    }

    [Fact]
    public void TryRead_VideoContentType_ReturnsNull()
    {
        Assert.Null(MediaDimensions.TryRead(Png(3, 4), "video/mp4"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)]
    [InlineData(23)]
    public void TryRead_TruncatedPng_ReturnsNull(int length)
    {
        Assert.Null(MediaDimensions.TryRead(Png(100, 100).AsSpan(0, length), "image/png"));
    }

    [Fact]
    public void TryRead_ZeroWidthPng_ReturnsNull()
    {
        Assert.Null(MediaDimensions.TryRead(Png(0, 100), "image/png"));
    }

    [Fact]
    public void TryRead_UnknownFormat_ReturnsNull()
    {
        Assert.Null(MediaDimensions.TryRead("GIF89a\x01\x00\x01\x00"u8, "image/gif"));
    }

    private static byte[] Png(int width, int height)
    {
        var header = new byte[33];
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(8), 13);
        "IHDR"u8.CopyTo(header.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(20), height);
        header[24] = 8; // bit depth; colour type, compression, filter, interlace and CRC stay zero
        return header;
    }

    private static byte[] Jpeg(IEnumerable<byte[]> segments) => [0xFF, 0xD8, .. segments.SelectMany(segment => segment)];

    private static byte[] App0() => Segment(0xE0, [.. "JFIF\0"u8, 1, 1, 0, 0, 1, 0, 1, 0, 0]);

    private static byte[] StartOfFrame(byte marker, ushort width, ushort height)
    {
        var body = new byte[15];
        body[0] = 8;
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(1), height);
        BinaryPrimitives.WriteUInt16BigEndian(body.AsSpan(3), width);
        body[5] = 3;
        return Segment(marker, body);
    }

    private static byte[] Segment(byte marker, byte[] body)
    {
        var segment = new byte[4 + body.Length];
        segment[0] = 0xFF;
        segment[1] = marker;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(body.Length + 2));
        body.CopyTo(segment, 4);
        return segment;
    }

    private static byte[] WebP(string chunk, byte[] payload)
    {
        var header = new byte[20 + payload.Length];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), (uint)(header.Length - 8));
        "WEBP"u8.CopyTo(header.AsSpan(8));
        System.Text.Encoding.ASCII.GetBytes(chunk).CopyTo(header, 12);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), (uint)payload.Length);
        payload.CopyTo(header, 20);
        return header;
    }

    private static void WriteUInt24LittleEndian(Span<byte> destination, int value)
    {
        destination[0] = (byte)value;
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)(value >> 16);
    }
}
