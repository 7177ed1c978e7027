using System.Buffers.Binary;
using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Tests.Imaging;

public sealed class PngEncodingTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(333, 177)]
    [InlineData(1024, 768)]
    public void Render_Png_StartsWithSignatureAndIhdrSize(int width, int height)
    {
        var bytes = PlaceholderImage.Render(new ImageSpec(width, height, ImageFormat.Png));

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.Equal("IHDR"u8.ToArray(), bytes[12..16]);
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(333, 177, 2, 1)]
    [InlineData(1024, 1024, 3, 3)]
    [InlineData(3840, 2160, 4, 3)]
    [InlineData(3840, 3840, 2, 2)]
    public async Task Render_Png_PassesPngcheck(int width, int height, int columns, int rows)
    {
        var spec = new ImageSpec(width, height, ImageFormat.Png, columns, rows, Caption: "img 2/4");
        var path = _folder.Write("placeholder.png", PlaceholderImage.Render(spec));

        var report = await ExternalDecoders.PngcheckAsync(path);

        Assert.StartsWith("OK:", report, StringComparison.Ordinal);
        Assert.Contains($"({width}x{height}, 24-bit RGB", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Png_LibpngDecodesTheRenderedPixelsExactly()
    {
        var spec = new ImageSpec(640, 360, ImageFormat.Png, 3, 2, Seed: 5, Caption: "scene 3");
        var path = _folder.Write("placeholder.png", PlaceholderImage.Render(spec));

        var decoded = await ExternalDecoders.DecodePngAsync(path);

        Assert.Null(decoded.FirstDifference(PlaceholderRenderer.Draw(spec)));
    }

    [Fact]
    public async Task Encode_NoisyRaster_LibpngDecodesItExactly()
    {
        var raster = TestRasters.Noise(301, 97, seed: 11);
        var path = _folder.Write("noise.png", PngEncoder.Encode(raster));

        await ExternalDecoders.PngcheckAsync(path);
        var decoded = await ExternalDecoders.DecodePngAsync(path);

        Assert.Null(decoded.FirstDifference(raster));
    }
}
