using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Tests.Imaging;

/// <summary>Rasters unlike placeholders, to drive the encoders through paths that flat images never reach.</summary>
internal static class TestRasters
{
    /// <summary>Independent random channels: nearly every pixel a literal, every literal alphabet fully used.</summary>
    public static Raster Noise(int width, int height, int seed)
    {
        var random = new Random(seed);
        var raster = new Raster(width, height, default);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                raster[x, y] = new Rgb((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            }
        }

        return raster;
    }

    /// <summary>Smooth ramps in every direction: blocks full of non-zero DCT coefficients that a JPEG must keep close.</summary>
    public static Raster Gradient(int width, int height)
    {
        var raster = new Raster(width, height, default);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                raster[x, y] = new Rgb((byte)(255 * x / width), (byte)(255 * y / height), (byte)(255 * (x + y) / (width + height)));
            }
        }

        return raster;
    }

    /// <summary>
    /// Green values with Fibonacci frequencies (1, 1, 2, 3, 5, …): an unrestricted Huffman code for them would be 20
    /// bits deep, beyond VP8L's 15, so the encoder's length limit has to work for the file to decode.
    /// </summary>
    public static Raster FibonacciGreens(int width, int height)
    {
        var greens = new List<byte>();
        for (int value = 0, count = 1, previous = 1; value < 21; value++)
        {
            greens.AddRange(Enumerable.Repeat((byte)(value * 12), count));
            (previous, count) = (count, previous + count);
        }

        var shuffled = greens.ToArray();
        new Random(7).Shuffle(shuffled);
        var raster = new Raster(width, height, default);
        for (var i = 0; i < width * height; i++)
        {
            // Red counts up so that neighbours never repeat and every pixel stays a literal.
            raster[i % width, i / width] = new Rgb((byte)i, shuffled[i % shuffled.Length], 0);
        }

        return raster;
    }
}
