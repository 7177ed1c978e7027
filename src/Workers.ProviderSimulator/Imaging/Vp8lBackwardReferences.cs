namespace Workers.ProviderSimulator.Imaging;

/// <summary>
/// Turns pixels into VP8L tokens, replacing repeats with copies from the pixel above or the pixel to the left.
/// Placeholder images are flat colour, so those two neighbours find nearly every repeat that a general LZ77 search
/// would, at a fraction of the cost.
/// </summary>
internal static class Vp8lBackwardReferences
{
    // The longest copy one token can carry.
    private const int MaxCopyLength = 4096;

    // Distance codes 1..120 name nearby pixels in two dimensions (RFC 9649 §4.2.2): code 1 is the pixel straight above,
    // code 2 the one to the left, whatever the image width.
    private const int AboveDistanceCode = 1;
    private const int LeftDistanceCode = 2;

    // Shorter repeats cost about as much as literals and only lengthen the token list.
    private const int MinCopyLength = 3;

    public static List<Vp8lToken> Find(ReadOnlySpan<uint> pixels, int width)
    {
        var tokens = new List<Vp8lToken>();
        var position = 0;
        while (position < pixels.Length)
        {
            var limit = Math.Min(MaxCopyLength, pixels.Length - position);
            var fromAbove = position >= width ? MatchLength(pixels, position, width, limit) : 0;
            var fromLeft = position >= 1 ? MatchLength(pixels, position, 1, limit) : 0;

            if (Math.Max(fromAbove, fromLeft) < MinCopyLength)
            {
                tokens.Add(Vp8lToken.Literal(pixels[position]));
                position++;
            }
            else if (fromAbove >= fromLeft)
            {
                tokens.Add(Vp8lToken.Copy(fromAbove, AboveDistanceCode));
                position += fromAbove;
            }
            else
            {
                tokens.Add(Vp8lToken.Copy(fromLeft, LeftDistanceCode));
                position += fromLeft;
            }
        }

        return tokens;
    }

    // Copies may overlap their source, pixel by pixel, so comparing against the source pixel-by-pixel is exact.
    private static int MatchLength(ReadOnlySpan<uint> pixels, int position, int distance, int limit)
    {
        var length = 0;
        while (length < limit && pixels[position + length] == pixels[position + length - distance])
        {
            length++;
        }

        return length;
    }
}
