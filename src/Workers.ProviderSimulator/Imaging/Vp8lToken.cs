using System.Numerics;

namespace Workers.ProviderSimulator.Imaging;

/// <summary>One step of a VP8L pixel stream: a literal pixel, or a copy of Length pixels from an earlier position.</summary>
internal readonly record struct Vp8lToken(uint Argb, int Length, int DistanceCode)
{
    public bool IsCopy => Length > 0;

    public static Vp8lToken Literal(uint argb) => new(argb, 0, 0);

    public static Vp8lToken Copy(int length, int distanceCode) => new(0, length, distanceCode);

    /// <summary>
    /// Splits a length or distance code (1 and up) into the prefix symbol that is entropy-coded and the extra bits
    /// sent raw after it (RFC 9649 §3.5.2.2): 1..4 are symbols 0..3, then each pair of symbols doubles the range.
    /// </summary>
    public static (int Symbol, int ExtraBitCount, int ExtraBits) Prefix(int value)
    {
        var offset = value - 1;
        if (offset < 4)
        {
            return (offset, 0, 0);
        }

        var highestBit = 31 - BitOperations.LeadingZeroCount((uint)offset);
        var secondBit = (offset >> (highestBit - 1)) & 1;
        var extraBitCount = highestBit - 1;
        return ((2 * highestBit) + secondBit, extraBitCount, offset & ((1 << extraBitCount) - 1));
    }
}
