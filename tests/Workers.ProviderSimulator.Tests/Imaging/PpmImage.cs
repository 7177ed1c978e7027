using System.Text;
using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Tests.Imaging;

/// <summary>A decoded binary PPM (P6, 8-bit), the format the reference decoders write, with comparisons against a raster.</summary>
internal sealed class PpmImage
{
    private readonly byte[] _rgb;

    private PpmImage(int width, int height, byte[] rgb)
    {
        Width = width;
        Height = height;
        _rgb = rgb;
    }

    public int Width { get; }

    public int Height { get; }

    public Rgb this[int x, int y]
    {
        get
        {
            var i = 3 * ((y * Width) + x);
            return new Rgb(_rgb[i], _rgb[i + 1], _rgb[i + 2]);
        }
    }

    public static PpmImage Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        var magic = NextToken(bytes, ref position);
        Assert.Equal("P6", magic);
        var width = int.Parse(NextToken(bytes, ref position), System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(NextToken(bytes, ref position), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("255", NextToken(bytes, ref position));

        // Exactly one whitespace byte separates the header from the samples.
        var rgb = bytes.AsSpan(position + 1).ToArray();
        Assert.Equal(width * height * 3, rgb.Length);
        return new PpmImage(width, height, rgb);
    }

    /// <summary>The first pixel that differs from the raster, or null when every pixel matches.</summary>
    public (int X, int Y, Rgb Expected, Rgb Actual)? FirstDifference(Raster raster)
    {
        var pixels = raster.Pixels;
        for (var i = 0; i < pixels.Length; i++)
        {
            var argb = pixels[i];
            if (_rgb[3 * i] != (byte)(argb >> 16) || _rgb[(3 * i) + 1] != (byte)(argb >> 8) || _rgb[(3 * i) + 2] != (byte)argb)
            {
                var (x, y) = (i % Width, i / Width);
                return (x, y, raster[x, y], this[x, y]);
            }
        }

        return null;
    }

    /// <summary>The mean absolute difference per channel sample, in 0..255 units.</summary>
    public double MeanAbsoluteError(Raster raster)
    {
        var pixels = raster.Pixels;
        long total = 0;
        for (var i = 0; i < pixels.Length; i++)
        {
            var argb = pixels[i];
            total += Math.Abs(_rgb[3 * i] - (int)((argb >> 16) & 0xFF))
                + Math.Abs(_rgb[(3 * i) + 1] - (int)((argb >> 8) & 0xFF))
                + Math.Abs(_rgb[(3 * i) + 2] - (int)(argb & 0xFF));
        }

        return total / (3.0 * pixels.Length);
    }

    private static string NextToken(byte[] bytes, ref int position)
    {
        while (char.IsWhiteSpace((char)bytes[position]) || bytes[position] == '#')
        {
            if (bytes[position] == '#')
            {
                while (bytes[position] != '\n')
                {
                    position++;
                }
            }

            position++;
        }

        var start = position;
        while (!char.IsWhiteSpace((char)bytes[position]))
        {
            position++;
        }

        return Encoding.ASCII.GetString(bytes, start, position - start);
    }
}
