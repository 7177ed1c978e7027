using System.Buffers;

namespace Workers.ProviderSimulator.Imaging;

/// <summary>Writes a VP8L bitstream: values least significant bit first, bytes filled from their low bit.</summary>
internal sealed class Vp8lBitWriter
{
    private readonly ArrayBufferWriter<byte> _bytes = new();
    private ulong _bits;
    private int _count;

    /// <summary>Appends the low <paramref name="length"/> bits (at most 32) of <paramref name="value"/>.</summary>
    public void Write(uint value, int length)
    {
        _bits |= (ulong)(value & (uint)((1UL << length) - 1)) << _count;
        _count += length;
        while (_count >= 8)
        {
            _bytes.GetSpan(1)[0] = (byte)_bits;
            _bytes.Advance(1);
            _bits >>= 8;
            _count -= 8;
        }
    }

    /// <summary>Returns everything written, the last byte padded with zero bits.</summary>
    public byte[] ToArray()
    {
        if (_count > 0)
        {
            Write(0, 8 - _count);
        }

        return _bytes.WrittenSpan.ToArray();
    }
}
