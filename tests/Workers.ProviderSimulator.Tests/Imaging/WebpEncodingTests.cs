using System.Buffers.Binary;
using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Tests.Imaging;

public sealed class WebpEncodingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(333, 177)]
    [InlineData(3840, 3840)]
    public void Render_Webp_RiffVp8lHeaderCarriesSize(int width, int height)
    {
        var bytes = PlaceholderImage.Render(new ImageSpec(width, height, ImageFormat.Webp));

        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal("WEBPVP8L"u8.ToArray(), bytes[8..16]);
        Assert.Equal(0x2F, bytes[20]);

        // 14 bits of width − 1, then 14 bits of height − 1, packed from the least significant bit.
        var header = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(21));
        Assert.Equal(width, (int)(header & 0x3FFF) + 1);
        Assert.Equal(height, (int)((header >> 14) & 0x3FFF) + 1);
    }

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(17, 9, 1, 1)]
    [InlineData(333, 177, 2, 1)]
    [InlineData(1024, 1024, 3, 3)]
    [InlineData(3840, 2160, 4, 3)]
    [InlineData(3840, 3840, 2, 2)]
    public async Task Render_Webp_DwebpDecodesTheRenderedPixelsExactly(int width, int height, int columns, int rows)
    {
        var spec = new ImageSpec(width, height, ImageFormat.Webp, columns, rows, Seed: 9, Caption: "img 2/4");
        var path = _folder.Write("placeholder.webp", PlaceholderImage.Render(spec));

        var (decoded, report) = await ExternalDecoders.DwebpAsync(path);

        Assert.Contains($"Dimensions: {width} x {height}", report, StringComparison.Ordinal);
        Assert.Contains("Format: lossless", report, StringComparison.Ordinal);
        Assert.Null(decoded.FirstDifference(PlaceholderRenderer.Draw(spec)));
    }

    [Fact]
    public async Task Encode_NoisyRaster_DwebpDecodesItExactly()
    {
        var raster = TestRasters.Noise(257, 131, seed: 3);
        var path = _folder.Write("noise.webp", WebpEncoder.Encode(raster));

        var (decoded, _) = await ExternalDecoders.DwebpAsync(path);

        Assert.Null(decoded.FirstDifference(raster));
    }

    [Fact]
    public async Task Encode_SkewedColours_DwebpDecodesItExactly()
    {
        var raster = TestRasters.FibonacciGreens(200, 144);
        var path = _folder.Write("skewed.webp", WebpEncoder.Encode(raster));

        var (decoded, _) = await ExternalDecoders.DwebpAsync(path);

        Assert.Null(decoded.FirstDifference(raster));
    }

    [Fact]
    public async Task Encode_Gradient_DwebpDecodesItExactly()
    {
        var raster = TestRasters.Gradient(300, 200);
        var path = _folder.Write("gradient.webp", WebpEncoder.Encode(raster));

        var (decoded, _) = await ExternalDecoders.DwebpAsync(path);

        Assert.Null(decoded.FirstDifference(raster));
    }
}
