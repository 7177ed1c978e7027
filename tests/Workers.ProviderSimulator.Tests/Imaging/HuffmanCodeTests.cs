using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Tests.Imaging;

public sealed class HuffmanCodeTests
{
    [Theory]
    [InlineData(30, 15)]
    [InlineData(19, 7)]
    public void FromCounts_FibonacciCounts_StaysWithinMaxLengthAndComplete(int symbols, int maxLength)
    {
        // Fibonacci counts are the worst case: an unlimited Huffman code for n of them is n − 1 bits deep.
        var counts = new int[symbols];
        counts[0] = counts[1] = 1;
        for (var i = 2; i < symbols; i++)
        {
            counts[i] = counts[i - 1] + counts[i - 2];
        }

        var code = HuffmanCode.FromCounts(counts, maxLength);

        Assert.All(code.Lengths, length => Assert.InRange(length, 1, maxLength));
        Assert.Equal(1.0, KraftSum(code.Lengths));
    }

    [Fact]
    public void FromCounts_SkewedCounts_GiveFrequentSymbolsShorterCodes()
    {
        var code = HuffmanCode.FromCounts([1000, 10, 10, 1, 0, 1], 15);

        Assert.Equal(1, code.Lengths[0]);
        Assert.Equal(0, code.Lengths[4]);
        Assert.True(code.Lengths[3] >= code.Lengths[1]);
        Assert.Equal(1.0, KraftSum(code.Lengths));
    }

    [Fact]
    public void FromCounts_NoCounts_GivesSymbolZeroAlone()
    {
        var code = HuffmanCode.FromCounts(new int[40], 15);

        Assert.Equal([0], code.UsedSymbols);
        Assert.True(code.IsSingleSymbol);
    }

    // A prefix code that decoders accept has to fill the code space exactly: Σ 2^−length = 1.
    private static double KraftSum(byte[] lengths) => lengths.Where(length => length > 0).Sum(length => Math.Pow(2, -length));
}
