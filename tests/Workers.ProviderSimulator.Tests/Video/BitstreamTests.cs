using Workers.ProviderSimulator.Video;

namespace Workers.ProviderSimulator.Tests.Video;

public sealed class BitstreamTests
{
    [Theory]
    [InlineData(0, "1")]
    [InlineData(1, "010")]
    [InlineData(2, "011")]
    [InlineData(3, "00100")]
    [InlineData(7, "0001000")]
    [InlineData(30, "000011111")]
    public void WriteUe_CodeNumber_WritesTheExpGolombCode(int codeNum, string bits)
    {
        var rbsp = new RbspWriter();

        rbsp.WriteUe(codeNum);

        Assert.Equal(bits, BitsOf(rbsp, bits.Length));
    }

    [Theory]
    [InlineData(0, "1")]
    [InlineData(1, "010")]
    [InlineData(-1, "011")]
    [InlineData(2, "00100")]
    [InlineData(-2, "00101")]
    public void WriteSe_Value_MapsSignsToAlternateCodeNumbers(int value, string bits)
    {
        var rbsp = new RbspWriter();

        rbsp.WriteSe(value);

        Assert.Equal(bits, BitsOf(rbsp, bits.Length));
    }

    [Fact]
    public void WriteTrailingBits_MidByte_WritesAStopBitThenZerosToTheByteEnd()
    {
        var rbsp = new RbspWriter();
        rbsp.WriteBits(0b101, 3);

        rbsp.WriteTrailingBits();

        Assert.Equal([0b1011_0000], rbsp.Bytes.ToArray());
    }

    [Fact]
    public void WriteBytes_NotByteAligned_Throws()
    {
        var rbsp = new RbspWriter();
        rbsp.WriteFlag(true);

        Assert.Throws<InvalidOperationException>(() => rbsp.WriteBytes([1, 2]));
    }

    [Theory]
    [InlineData(new byte[] { 0, 0, 0 }, new byte[] { 0, 0, 3, 0 })]
    [InlineData(new byte[] { 0, 0, 1 }, new byte[] { 0, 0, 3, 1 })]
    [InlineData(new byte[] { 0, 0, 3, 7 }, new byte[] { 0, 0, 3, 3, 7 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 0 }, new byte[] { 0, 0, 3, 0, 0, 3, 0 })]
    [InlineData(new byte[] { 5, 0, 0, 4, 0, 0 }, new byte[] { 5, 0, 0, 4, 0, 0 })]
    [InlineData(new byte[] { 0, 1, 0, 0, 2 }, new byte[] { 0, 1, 0, 0, 3, 2 })]
    public void Escape_Payload_InsertsEmulationPreventionBytes(byte[] rbsp, byte[] escaped)
    {
        Assert.Equal(escaped, NalUnit.Escape(rbsp));
    }

    [Fact]
    public void Pack_SliceRbsp_StartsWithTheNalHeader()
    {
        Assert.Equal([0x65, 0x88], NalUnit.Pack(3, NalUnit.IdrSlice, [0x88]));
    }

    [Theory]
    [InlineData(2, 2, 1, 20)]
    [InlineData(640, 480, 8, 30)]
    [InlineData(1280, 720, 30, 31)]
    [InlineData(1920, 1080, 30, 40)]
    [InlineData(3840, 2160, 30, 51)]
    [InlineData(4096, 2304, 30, 52)]
    [InlineData(4096, 2, 1, 40)]
    public void For_FrameSizeAndRate_PicksTheLowestLevelThatAdmitsThem(int width, int height, int fps, int level)
    {
        Assert.Equal(level, H264Level.For(new FrameSize(width, height), fps));
    }

    [Theory]
    [InlineData(5.0, 8, 40, 1000)]
    [InlineData(2.3, 8, 19, 400)]
    [InlineData(0.1, 30, 3, 1000)]
    [InlineData(0.0001, 1, 1, 1)]
    [InlineData(60.0, 30, 1800, 1000)]
    public void For_Duration_CoversItExactlyWithTheLastFrameCutShort(double seconds, int fps, int frames, int lastFrameTicks)
    {
        var timing = VideoTiming.For(seconds, fps);

        Assert.Equal(frames, timing.FrameCount);
        Assert.Equal(lastFrameTicks, timing.LastFrameTicks);
        Assert.Equal(Math.Max(1, Math.Round(seconds * timing.Timescale)), timing.TotalTicks);
    }

    private static string BitsOf(RbspWriter rbsp, int count)
    {
        rbsp.AlignWithZeros();
        var bits = string.Concat(rbsp.Bytes.ToArray().Select(b => Convert.ToString(b, 2).PadLeft(8, '0')));
        Assert.DoesNotContain('1', bits[count..]);
        return bits[..count];
    }
}
