using Workers.ProviderSimulator.Tests.Imaging;

namespace Workers.ProviderSimulator.Tests.Video;

/// <summary>Runs ffprobe and ffmpeg (Debian package ffmpeg) on MP4 files; a missing tool fails the test, as for images.</summary>
internal static class Ffmpeg
{
    private const string DebianPackage = "ffmpeg";

    /// <summary>
    /// ffprobe's facts about the first video stream, every frame decoded and counted, and about the container, keyed as
    /// ffprobe's flat output names them: <c>streams.stream.0.width</c>, <c>format.duration</c>.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> ProbeAsync(string mp4)
    {
        var report = await ExternalDecoders.RunAsync("ffprobe", DebianPackage,
        [
            "-v", "error", "-select_streams", "v:0", "-count_frames",
            "-show_entries", "stream=codec_name,profile,width,height,pix_fmt,color_range,nb_frames,nb_read_frames,duration:format=duration",
            "-of", "flat", mp4,
        ]);
        return report.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1].Trim('"'));
    }

    /// <summary>Decodes every frame and returns what ffmpeg reports at level "error": empty for a clean stream.</summary>
    public static Task<string> DecodeErrorsAsync(string mp4) =>
        ExternalDecoders.RunAsync("ffmpeg", DebianPackage, ["-v", "error", "-nostdin", "-i", mp4, "-f", "null", "-"]);

    /// <summary>
    /// Decodes to raw planar 4:2:0 frames one after another (Y, then Cb, then Cr, each cropped to the picture), in the
    /// decoder's own sample format, so that nothing converts the samples on the way.
    /// </summary>
    public static async Task<byte[]> DecodeRawAsync(string mp4)
    {
        var raw = Path.ChangeExtension(mp4, ".yuv");
        await ExternalDecoders.RunAsync("ffmpeg", DebianPackage, ["-v", "error", "-nostdin", "-i", mp4, "-f", "rawvideo", raw]);
        return await File.ReadAllBytesAsync(raw);
    }

    /// <summary>Decodes the first frame to RGB, converted by ffmpeg as the stream's colour description says.</summary>
    public static async Task<PpmImage> DecodeFirstFrameAsync(string mp4)
    {
        var ppm = Path.ChangeExtension(mp4, ".ppm");
        await ExternalDecoders.RunAsync("ffmpeg", DebianPackage, ["-v", "error", "-nostdin", "-i", mp4, "-frames:v", "1", "-c:v", "ppm", ppm]);
        return PpmImage.Read(ppm);
    }
}
