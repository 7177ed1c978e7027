using System.Globalization;
using Workers.ProviderSimulator.Tests.Imaging;
using Workers.ProviderSimulator.Video;

namespace Workers.ProviderSimulator.Tests.Video;

public sealed class PlaceholderVideoTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(854, 480, 5.0, 8)]
    [InlineData(1280, 720, 2.5, 24)]
    [InlineData(1920, 1080, 1.0, 30)]
    [InlineData(1080, 1920, 1.5, 8)]
    [InlineData(3840, 2160, 0.5, 8)]
    [InlineData(1366, 768, 2.3, 8)]
    [InlineData(2, 2, 1.0, 1)]
    public async Task Render_Spec_FfprobeReportsH264OfTheExactSizeDurationAndFrameCount(int width, int height, double seconds, int fps)
    {
        var spec = new VideoSpec(width, height, seconds, fps, Seed: 3, Caption: "clip 1/2");
        var path = RenderToFile(spec);

        var probe = await Ffmpeg.ProbeAsync(path);

        var frames = (int)Math.Ceiling(Math.Round(seconds * fps, 6));
        Assert.Equal("h264", probe["streams.stream.0.codec_name"]);
        Assert.Equal("Constrained Baseline", probe["streams.stream.0.profile"]);
        Assert.Equal("pc", probe["streams.stream.0.color_range"]);
        Assert.Equal(width.ToString(CultureInfo.InvariantCulture), probe["streams.stream.0.width"]);
        Assert.Equal(height.ToString(CultureInfo.InvariantCulture), probe["streams.stream.0.height"]);
        Assert.Equal(frames.ToString(CultureInfo.InvariantCulture), probe["streams.stream.0.nb_frames"]);
        Assert.Equal(frames.ToString(CultureInfo.InvariantCulture), probe["streams.stream.0.nb_read_frames"]);
        Assert.InRange(double.Parse(probe["streams.stream.0.duration"], CultureInfo.InvariantCulture), seconds - (1.0 / fps), seconds + (1.0 / fps));
        Assert.InRange(double.Parse(probe["format.duration"], CultureInfo.InvariantCulture), seconds - (1.0 / fps), seconds + (1.0 / fps));
    }

    [Theory]
    [InlineData(1920, 1080, 10.0, 8, "a caption that runs on for a while")]
    [InlineData(640, 360, 3.0, 30, null)]
    [InlineData(720, 1280, 2.0, 12, "portrait")]
    [InlineData(18, 34, 1.0, 8, "x")]
    public async Task Render_Spec_FfmpegDecodesEveryFrameWithoutErrors(int width, int height, double seconds, int fps, string? caption)
    {
        var path = RenderToFile(new VideoSpec(width, height, seconds, fps, 9, caption));

        var errors = await Ffmpeg.DecodeErrorsAsync(path);

        Assert.Equal(string.Empty, errors);
    }

    [Theory]
    [InlineData(1280, 720, 0.25, 8)]
    [InlineData(330, 186, 3.0, 8)]
    [InlineData(96, 64, 2.0, 10)]
    public async Task Render_Spec_EveryDecodedFrameEqualsTheEncodedSamples(int width, int height, double seconds, int fps)
    {
        var spec = new VideoSpec(width, height, seconds, fps, Seed: 21, Caption: "scene 4");
        var path = RenderToFile(spec);

        var decoded = await Ffmpeg.DecodeRawAsync(path);

        var frameBytes = ExpectedFrames.FrameBytes(spec);
        var expected = ExpectedFrames.For(spec, (int)Math.Ceiling(seconds * fps)).ToList();
        Assert.Equal(expected.Count * frameBytes, decoded.Length);
        for (var i = 0; i < expected.Count; i++)
        {
            var difference = ExpectedFrames.FirstDifference(expected[i], decoded.AsSpan(i * frameBytes, frameBytes), width, height);
            Assert.True(difference is null, $"Frame {i}: {difference}");
        }
    }

    [Fact]
    public async Task Render_LaterFrame_DiffersFromTheFirstOnlyInTheCounterArea()
    {
        var spec = new VideoSpec(640, 360, 2.0, 8, Seed: 4);
        var path = RenderToFile(spec);
        var counter = new PlaceholderFrames(spec, 16).CounterArea;

        var decoded = await Ffmpeg.DecodeRawAsync(path);

        // Frame 9 is the first of second 1: its time and its frame number both differ from frame 0's.
        var frameBytes = ExpectedFrames.FrameBytes(spec);
        var changed = Enumerable.Range(0, spec.Width * spec.Height).Where(i => decoded[i] != decoded[(9 * frameBytes) + i]).ToList();
        Assert.NotEmpty(changed);
        Assert.All(changed, i => Assert.True(
            i % spec.Width >= counter.X && i % spec.Width < counter.X + counter.Width && i / spec.Width >= counter.Y && i / spec.Width < counter.Y + counter.Height,
            $"Luma sample ({i % spec.Width}, {i / spec.Width}) changed outside the counter area {counter}."));
    }

    [Fact]
    public async Task Render_FirstFrame_DecodesToThePlaceholderColours()
    {
        var spec = new VideoSpec(640, 360, 0.5, 8, Seed: 8, Caption: "colours");
        var path = RenderToFile(spec);

        var decoded = await Ffmpeg.DecodeFirstFrameAsync(path);

        // Chroma subsampling blurs colour edges a little; misread range or matrix would shift every pixel by far more.
        var pixels = new PlaceholderFrames(spec, 4).Canvas;
        Assert.Equal((spec.Width, spec.Height), (decoded.Width, decoded.Height));
        Assert.InRange(decoded.MeanAbsoluteError(pixels), 0, 1.5);
        var (expected, actual) = (pixels[spec.Width / 4, spec.Height / 2], decoded[spec.Width / 4, spec.Height / 2]);
        Assert.True(
            Math.Abs(expected.R - actual.R) <= 2 && Math.Abs(expected.G - actual.G) <= 2 && Math.Abs(expected.B - actual.B) <= 2,
            $"Panel colour {expected} decoded as {actual}.");
    }

    [Fact]
    public void Render_SameSpecTwice_ReturnsSameBytes()
    {
        var spec = new VideoSpec(854, 480, 3.0, 12, Seed: 42, Caption: "video 2/4");

        Assert.Equal(PlaceholderVideo.Render(spec), PlaceholderVideo.Render(spec with { }));
    }

    [Fact]
    public void Render_DifferentSeeds_ReturnDifferentBytes()
    {
        var spec = new VideoSpec(320, 240, 1.0);

        Assert.NotEqual(PlaceholderVideo.Render(spec), PlaceholderVideo.Render(spec with { Seed = 1 }));
    }

    [Fact]
    public void Render_TenSeconds1080p_StaysUnderHalfAMegabyte()
    {
        var bytes = PlaceholderVideo.Render(new VideoSpec(1920, 1080, 10.0, 8, Caption: "a typical caption"));

        Assert.InRange(bytes.Length, 1, 512 * 1024);
    }

    [Theory]
    [InlineData(0, 480, 1.0, 8)]
    [InlineData(640, -2, 1.0, 8)]
    [InlineData(4098, 480, 1.0, 8)]
    [InlineData(641, 480, 1.0, 8)]
    [InlineData(640, 479, 1.0, 8)]
    [InlineData(4096, 4096, 1.0, 8)]
    [InlineData(640, 480, 0.0, 8)]
    [InlineData(640, 480, -1.0, 8)]
    [InlineData(640, 480, 60.5, 8)]
    [InlineData(640, 480, double.NaN, 8)]
    [InlineData(640, 480, double.PositiveInfinity, 8)]
    [InlineData(640, 480, 1.0, 0)]
    [InlineData(640, 480, 1.0, 31)]
    public void Render_OutOfRangeSpec_Throws(int width, int height, double seconds, int fps)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PlaceholderVideo.Render(new VideoSpec(width, height, seconds, fps)));
    }

    [Theory]
    [InlineData(3840, 2160)]
    [InlineData(2160, 3840)]
    [InlineData(4096, 2304)]
    [InlineData(4096, 2)]
    public void Render_LargestSizes_AreAccepted(int width, int height)
    {
        Assert.NotEmpty(PlaceholderVideo.Render(new VideoSpec(width, height, 0.25, 30)));
    }

    [Fact]
    public void ContentTypeAndExtension_AreThoseOfMp4()
    {
        Assert.Equal("video/mp4", PlaceholderVideo.ContentType);
        Assert.Equal("mp4", PlaceholderVideo.Extension);
    }

    private string RenderToFile(VideoSpec spec) => _folder.Write("placeholder.mp4", PlaceholderVideo.Render(spec));
}
