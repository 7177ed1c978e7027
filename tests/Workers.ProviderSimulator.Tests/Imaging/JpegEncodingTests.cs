using System.Buffers.Binary;
using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Tests.Imaging;

public sealed class JpegEncodingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(333, 177)]
    [InlineData(3840, 2160)]
    public void Render_Jpeg_Sof0CarriesSize(int width, int height)
    {
        var bytes = PlaceholderImage.Render(new ImageSpec(width, height, ImageFormat.Jpeg));

        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        Assert.Equal([0xFF, 0xD9], bytes[^2..]);
        var frame = FindSegment(bytes, 0xC0);
        Assert.Equal(8, bytes[frame]);
        Assert.Equal(height, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(frame + 1)));
        Assert.Equal(width, BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(frame + 3)));
        Assert.Equal(3, bytes[frame + 5]);
    }

    [Theory]
    [InlineData(333, 177, 2, 1)]
    [InlineData(1024, 1024, 3, 3)]
    [InlineData(3840, 2160, 4, 3)]
    [InlineData(3840, 3840, 1, 1)]
    public async Task Render_Jpeg_DjpegDecodesSizeAndPanelColour(int width, int height, int columns, int rows)
    {
        var spec = new ImageSpec(width, height, ImageFormat.Jpeg, columns, rows, Seed: 3, Caption: "scene 3");
        var path = _folder.Write("placeholder.jpg", PlaceholderImage.Render(spec));

        var decoded = await ExternalDecoders.DjpegAsync(path);

        Assert.Equal((width, height), (decoded.Width, decoded.Height));
        var raster = PlaceholderRenderer.Draw(spec);
        var panel = PlaceholderLayout.For(spec).Panels[0];

        // Left of the centred number, at mid height: plain panel background, far enough from edges that JPEG's
        // smoothing of sharp edges does not reach it.
        var (x, y) = (panel.X + (panel.Width / 8), panel.CenterY);
        AssertNear(PlaceholderPalette.For(spec.Seed).PanelLight, decoded[x, y], tolerance: 4);
        Assert.InRange(decoded.MeanAbsoluteError(raster), 0, 3);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(17, 9)]
    [InlineData(15, 16)]
    public async Task Render_JpegSmallerThanOneBlock_DjpegDecodesIt(int width, int height)
    {
        var path = _folder.Write("tiny.jpg", PlaceholderImage.Render(new ImageSpec(width, height, ImageFormat.Jpeg)));

        var decoded = await ExternalDecoders.DjpegAsync(path);

        Assert.Equal((width, height), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task Encode_SmoothGradient_DjpegDecodesCloseToOriginal()
    {
        var raster = TestRasters.Gradient(250, 190);
        var path = _folder.Write("gradient.jpg", JpegEncoder.Encode(raster));

        var decoded = await ExternalDecoders.DjpegAsync(path);

        Assert.InRange(decoded.MeanAbsoluteError(raster), 0, 2);
    }

    [Fact]
    public async Task Encode_NoisyRaster_DjpegDecodesIt()
    {
        // Noise cannot survive JPEG, but it drives every AC symbol and long runs of 0xFF bytes that need stuffing.
        var raster = TestRasters.Noise(161, 83, seed: 5);
        var path = _folder.Write("noise.jpg", JpegEncoder.Encode(raster));

        var decoded = await ExternalDecoders.DjpegAsync(path);

        // A flat grey guess would be 64 off on average; the decoded noise must carry more of the image than that.
        Assert.Equal((161, 83), (decoded.Width, decoded.Height));
        Assert.InRange(decoded.MeanAbsoluteError(raster), 0, 55);
    }

    private static void AssertNear(Rgb expected, Rgb actual, int tolerance)
    {
        var close = Math.Abs(expected.R - actual.R) <= tolerance
            && Math.Abs(expected.G - actual.G) <= tolerance
            && Math.Abs(expected.B - actual.B) <= tolerance;
        Assert.True(close, $"Expected about {expected}, decoded {actual}.");
    }

    // Returns the offset of the segment's payload, just past its length field.
    private static int FindSegment(byte[] jpeg, byte marker)
    {
        for (var offset = 2; offset + 4 <= jpeg.Length;)
        {
            Assert.Equal(0xFF, jpeg[offset]);
            var length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(offset + 2));
            if (jpeg[offset + 1] == marker)
            {
                return offset + 4;
            }

            offset += 2 + length;
        }

        throw new Xunit.Sdk.XunitException($"No segment with marker 0xFF{marker:X2}.");
    }
}
