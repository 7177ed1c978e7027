using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Tests.Imaging;

public sealed class PlaceholderImageTests
{
    [Theory]
    [InlineData(ImageFormat.Png)]
    [InlineData(ImageFormat.Jpeg)]
    [InlineData(ImageFormat.Webp)]
    public void Render_SameSpecTwice_ReturnsSameBytes(ImageFormat format)
    {
        var spec = new ImageSpec(640, 480, format, 3, 2, Seed: 42, Caption: "img 2/4");

        Assert.Equal(PlaceholderImage.Render(spec), PlaceholderImage.Render(spec with { }));
    }

    [Fact]
    public void Render_DifferentSeeds_ChangeTheColours()
    {
        var first = PlaceholderRenderer.Draw(new ImageSpec(64, 64, ImageFormat.Png, Seed: 1));
        var second = PlaceholderRenderer.Draw(new ImageSpec(64, 64, ImageFormat.Png, Seed: 2));

        Assert.NotEqual(first[0, 0], second[0, 0]);
    }

    [Fact]
    public void Render_TwoByTwoGrid_ShowsADifferentNumberInEveryPanel()
    {
        var single = InkPattern(new ImageSpec(512, 512, ImageFormat.Png), panel: 0);
        var grid = new ImageSpec(512, 512, ImageFormat.Png, 2, 2);
        var patterns = Enumerable.Range(0, 4).Select(panel => InkPattern(grid, panel)).ToList();

        Assert.Equal(4, patterns.Distinct().Count());

        // Panel 1 of the grid shows "1" like the single panel does; the other three must not.
        Assert.Equal(single, patterns[0]);
        Assert.DoesNotContain(single, patterns.Skip(1));
    }

    [Fact]
    public void Render_Caption_IsDrawnBelowThePanels()
    {
        var spec = new ImageSpec(640, 480, ImageFormat.Png, Caption: "scene 3");
        var layout = PlaceholderLayout.For(spec);
        var raster = PlaceholderRenderer.Draw(spec);
        var captionColour = PlaceholderPalette.For(spec.Seed).Caption;

        Assert.True(layout.CaptionY >= layout.Panels[0].Y + layout.Panels[0].Height);
        Assert.Contains(
            Enumerable.Range(0, spec.Width).SelectMany(x => Enumerable.Range(layout.CaptionY, 7 * layout.CaptionScale).Select(y => raster[x, y])),
            colour => colour == captionColour);
    }

    [Fact]
    public void Render_CaptionTooLongForTheWidth_IsCut()
    {
        var layout = PlaceholderLayout.For(new ImageSpec(64, 64, ImageFormat.Png, Caption: new string('x', 100)));

        Assert.InRange(BitmapFont.TextWidth(layout.Caption.Length) * layout.CaptionScale, 1, 64);
    }

    [Theory]
    [InlineData(0, 10, 1, 1)]
    [InlineData(10, -1, 1, 1)]
    [InlineData(8193, 10, 1, 1)]
    [InlineData(10, 10, 0, 1)]
    [InlineData(10, 10, 1, 65)]
    public void Render_OutOfRangeSpec_Throws(int width, int height, int columns, int rows)
    {
        var spec = new ImageSpec(width, height, ImageFormat.Png, columns, rows);

        Assert.Throws<ArgumentOutOfRangeException>(() => PlaceholderImage.Render(spec));
    }

    [Fact]
    public void Render_UnknownFormat_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlaceholderImage.Render(new ImageSpec(8, 8, (ImageFormat)99)));
    }

    [Theory]
    [InlineData(ImageFormat.Png, "image/png", "png")]
    [InlineData(ImageFormat.Jpeg, "image/jpeg", "jpg")]
    [InlineData(ImageFormat.Webp, "image/webp", "webp")]
    public void ContentTypeAndExtension_EachFormat_ReturnTheUsualNames(ImageFormat format, string contentType, string extension)
    {
        Assert.Equal(contentType, PlaceholderImage.ContentType(format));
        Assert.Equal(extension, PlaceholderImage.Extension(format));
    }

    // Samples the number's ink on an 8×8 grid stretched over its bounding box, '#' for ink: the same number gives the
    // same pattern at any size, since glyphs scale by whole pixels.
    private static string InkPattern(ImageSpec spec, int panel)
    {
        var raster = PlaceholderRenderer.Draw(spec);
        var bounds = PlaceholderLayout.For(spec).Panels[panel];
        var ink = PlaceholderPalette.For(spec.Seed).Number;
        var inkPixels = (
            from y in Enumerable.Range(bounds.Y, bounds.Height)
            from x in Enumerable.Range(bounds.X, bounds.Width)
            where raster[x, y] == ink
            select (x, y)).ToList();
        Assert.NotEmpty(inkPixels);

        var (left, top) = (inkPixels.Min(p => p.x), inkPixels.Min(p => p.y));
        var (width, height) = (inkPixels.Max(p => p.x) + 1 - left, inkPixels.Max(p => p.y) + 1 - top);
        var samples = new char[8 * 8];
        for (var i = 0; i < samples.Length; i++)
        {
            var x = left + (width * ((2 * (i % 8)) + 1) / 16);
            var y = top + (height * ((2 * (i / 8)) + 1) / 16);
            samples[i] = raster[x, y] == ink ? '#' : '.';
        }

        return new string(samples);
    }
}
