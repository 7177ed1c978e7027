namespace Workers.ProviderSimulator.Imaging;

/// <summary>Writes entropy-coded JPEG data most significant bit first, stuffing a zero byte after every 0xFF.</summary>
internal sealed class JpegBitWriter(Stream output)
{
    private uint _bits;
    private int _count;

    /// <summary>Appends the low <paramref name="length"/> bits (at most 16) of <paramref name="value"/>.</summary>
    public void Write(int value, int length)
    {
        _bits = (_bits << length) | ((uint)value & ((1u << length) - 1));
        _count += length;
        while (_count >= 8)
        {
            _count -= 8;
            var b = (byte)(_bits >> _count);
            output.WriteByte(b);
            if (b == 0xFF)
            {
                output.WriteByte(0);
            }
        }
    }

    /// <summary>Pads the last byte with one bits, as T.81 F.1.2.3 asks.</summary>
    public void Flush()
    {
        if (_count > 0)
        {
            Write(0x7F, 8 - _count);
        }
    }
}
