using Workers.ProviderSimulator.Imaging;
using Workers.ProviderSimulator.Video;

namespace Workers.ProviderSimulator.Tests.Video;

/// <summary>The samples the encoder was given for each frame, laid out as ffmpeg's raw 4:2:0 output is.</summary>
internal static class ExpectedFrames
{
    public static int FrameBytes(VideoSpec spec) => (spec.Width * spec.Height) + (2 * (spec.Width / 2) * (spec.Height / 2));

    public static IEnumerable<byte[]> For(VideoSpec spec, int frameCount)
    {
        var frames = new PlaceholderFrames(spec, frameCount);
        yield return Visible(frames.Picture, spec.Width, spec.Height);
        for (var frame = 1; frame < frameCount; frame++)
        {
            frames.Advance(frame);
            yield return Visible(frames.Picture, spec.Width, spec.Height);
        }
    }

    /// <summary>The first sample that differs, described by plane and position, or null when all are equal.</summary>
    public static string? FirstDifference(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual, int width, int height)
    {
        var index = expected.CommonPrefixLength(actual);
        if (index == expected.Length && expected.Length == actual.Length)
        {
            return null;
        }

        var lumaSize = width * height;
        var chromaSize = (width / 2) * (height / 2);
        var (plane, offset, stride) = index < lumaSize ? ("Y", index, width)
            : index < lumaSize + chromaSize ? ("Cb", index - lumaSize, width / 2)
            : ("Cr", index - lumaSize - chromaSize, width / 2);
        var got = index < actual.Length ? actual[index].ToString(System.Globalization.CultureInfo.InvariantCulture) : "nothing";
        return $"{plane} at ({offset % stride}, {offset / stride}): expected {(index < expected.Length ? expected[index] : -1)}, decoded {got}";
    }

    private static byte[] Visible(YCbCrPlanes planes, int width, int height)
    {
        var samples = new byte[(width * height) + (2 * (width / 2) * (height / 2))];
        var position = 0;
        foreach (var (plane, stride, w, h) in (ReadOnlySpan<(byte[], int, int, int)>)[
                     (planes.Luma, planes.LumaStride, width, height),
                     (planes.Cb, planes.ChromaStride, width / 2, height / 2),
                     (planes.Cr, planes.ChromaStride, width / 2, height / 2)])
        {
            for (var y = 0; y < h; y++)
            {
                plane.AsSpan(y * stride, w).CopyTo(samples.AsSpan(position));
                position += w;
            }
        }

        return samples;
    }
}
