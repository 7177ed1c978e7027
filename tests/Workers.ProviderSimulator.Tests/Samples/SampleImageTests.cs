using System.Net;
using Workers.ProviderSimulator.Imaging;
using Workers.ProviderSimulator.Samples;
using Workers.ProviderSimulator.Tests.Imaging;

namespace Workers.ProviderSimulator.Tests.Samples;

/// <summary>
/// The public sample reference images: real PNGs that pngcheck and libpng accept, cacheable, stable, one colour each,
/// served without credentials.
/// </summary>
public sealed class SampleImageTests(SharedSimulator simulator) : IClassFixture<SharedSimulator>, IDisposable
{
    private readonly TempFolder folder = new();

    public static TheoryData<int> EverySample => new(Enumerable.Range(1, SampleImages.Count));

    public void Dispose() => folder.Dispose();

    [Theory]
    [MemberData(nameof(EverySample))]
    public async Task Reference_IsACacheablePngOfTheStatedSize_ThatLibpngDecodesToTheRenderedPixels(int n)
    {
        using var response = await simulator.Host.Http.GetAsync(new Uri($"/_samples/reference-{n}.png", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var path = folder.Write($"reference-{n}.png", bytes);

        var report = await ExternalDecoders.PngcheckAsync(path);
        var decoded = await ExternalDecoders.DecodePngAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
        Assert.StartsWith("OK:", report, StringComparison.Ordinal);
        Assert.Contains($"({SampleImages.Size}x{SampleImages.Size}, 24-bit RGB", report, StringComparison.Ordinal);
        Assert.Equal(("png", SampleImages.Size, SampleImages.Size), ImageHeaders.Read(bytes));
        Assert.Null(decoded.FirstDifference(PlaceholderRenderer.Draw(SampleImages.SpecOf(n))));
    }

    [Theory]
    [InlineData("/_samples/reference-0.png")]
    [InlineData("/_samples/reference-17.png")]
    [InlineData("/_samples/reference--1.png")]
    [InlineData("/_samples/reference-x.png")]
    [InlineData("/_samples/reference-1.jpg")]
    public async Task Reference_OutsideOneToSixteen_Is404(string path)
    {
        using var response = await simulator.Host.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Reference_RequestedTwice_GivesIdenticalBytes()
    {
        var first = await simulator.Host.Http.GetByteArrayAsync(new Uri("/_samples/reference-7.png", UriKind.Relative));
        var second = await simulator.Host.Http.GetByteArrayAsync(new Uri("/_samples/reference-7.png", UriKind.Relative));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Samples_EachHaveTheirOwnBackgroundColour_AndCaption()
    {
        var specs = Enumerable.Range(1, SampleImages.Count).Select(SampleImages.SpecOf).ToList();
        var backgrounds = specs.Select(spec => PlaceholderRenderer.Draw(spec)[0, 0]).ToList();

        Assert.Equal(SampleImages.Count, backgrounds.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, SampleImages.Count).Select(n => $"reference {n}"), specs.Select(spec => spec.Caption));
        Assert.Equal(Enumerable.Range(1, SampleImages.Count), specs.Select(spec => spec.Columns * spec.Rows));
    }
}
