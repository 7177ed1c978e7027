using System.Globalization;
using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Samples;

/// <summary>
/// The public sample reference images <c>reference-1.png</c> … <c>reference-16.png</c>: 512×512 placeholder PNGs,
/// each in its own colour, with n numbered panels and the caption <c>reference n</c>. Each renders on its first
/// request and is kept for the life of the process (16 small files; they never change, so a reset keeps them too).
/// </summary>
internal sealed class SampleImages
{
    /// <summary>How many samples there are: n runs from 1 to this.</summary>
    public const int Count = 16;

    /// <summary>Width and height of every sample, in pixels.</summary>
    public const int Size = 512;

    // The palette hashes its seed into a hue, so consecutive seeds give hues as close as 1°: these seeds were picked
    // for hues 0°, 22°, 45°, … 338° (22.5° apart), so no two samples look alike.
    private static readonly int[] Seeds = [739, 677, 752, 263, 25, 129, 101, 171, 608, 177, 293, 33, 309, 822, 285, 23];

    private readonly Lazy<byte[]>[] images = Enumerable.Range(1, Count)
        .Select(n => new Lazy<byte[]>(() => PlaceholderImage.Render(SpecOf(n))))
        .ToArray();

    /// <summary>The PNG bytes of sample <paramref name="n"/>, or null when there is no such sample.</summary>
    public byte[]? Find(int n) => n is >= 1 and <= Count ? images[n - 1].Value : null;

    /// <summary>
    /// What sample <paramref name="n"/> (1…<see cref="Count"/>) shows: its colour, and n panels in the squarest grid
    /// that holds exactly n, so the last panel number is n too (a single panel would show "1" on every sample).
    /// </summary>
    public static ImageSpec SpecOf(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, Count);
        var rows = Enumerable.Range(1, n).Last(divisor => n % divisor == 0 && divisor * divisor <= n);
        return new ImageSpec(
            Size,
            Size,
            ImageFormat.Png,
            Columns: n / rows,
            Rows: rows,
            Seed: Seeds[n - 1],
            Caption: string.Create(CultureInfo.InvariantCulture, $"reference {n}"));
    }
}
