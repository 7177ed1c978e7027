using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Tests.Imaging;

public sealed class Crc32Tests
{
    [Fact]
    public void Compute_StandardCheckInput_ReturnsStandardCheckValue()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute("123456789"u8));
    }

    [Fact]
    public void Append_InTwoParts_EqualsComputeOverTheWhole()
    {
        // Every PNG ends with this IEND chunk; its CRC covers the type alone.
        Assert.Equal(0xAE426082u, Crc32.Append(Crc32.Compute("IE"u8), "ND"u8));
    }
}
