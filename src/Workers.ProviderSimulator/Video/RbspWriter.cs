using System.Diagnostics;
using System.Numerics;

namespace Workers.ProviderSimulator.Video;

/// <summary>
/// Writes an H.264 raw byte sequence payload (RBSP) most significant bit first: fixed-width fields, the Exp-Golomb codes
/// ue(v) and se(v), byte runs for I_PCM samples and the closing rbsp_trailing_bits.
/// </summary>
internal sealed class RbspWriter(int capacity = 256)
{
    private byte[] _buffer = new byte[Math.Max(capacity, 16)];
    private int _length;

    // Bits not yet stored as a whole byte, right-aligned; fewer than 8 between calls.
    private ulong _pending;
    private int _pendingCount;

    public bool IsByteAligned => _pendingCount == 0;

    /// <summary>The bytes written so far; only whole bytes, so call <see cref="WriteTrailingBits"/> first.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(0, _length);

    public void WriteBits(uint value, int count)
    {
        Debug.Assert(count is >= 0 and <= 32, "At most 32 bits at a time.");
        _pending = (_pending << count) | (value & (uint)((1UL << count) - 1));
        _pendingCount += count;
        while (_pendingCount >= 8)
        {
            _pendingCount -= 8;
            Append((byte)(_pending >> _pendingCount));
        }

        _pending &= (1UL << _pendingCount) - 1;
    }

    public void WriteFlag(bool flag) => WriteBits(flag ? 1u : 0u, 1);

    /// <summary>ue(v): codeNum + 1 in binary, preceded by one zero per bit after its leading one.</summary>
    public void WriteUe(int codeNum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(codeNum);
        var value = (uint)codeNum + 1;
        var length = BitOperations.Log2(value) + 1;
        WriteBits(0, length - 1);
        WriteBits(value, length);
    }

    /// <summary>se(v): positive values map to odd code numbers, the rest to even ones (1, −1, 2, −2… → 1, 2, 3, 4…).</summary>
    public void WriteSe(int value) => WriteUe(value > 0 ? (2 * value) - 1 : -2 * value);

    /// <summary>Pads with zero bits to the next byte boundary (pcm_alignment_zero_bit).</summary>
    public void AlignWithZeros()
    {
        if (_pendingCount > 0)
        {
            WriteBits(0, 8 - _pendingCount);
        }
    }

    /// <summary>Copies whole bytes; the writer must be byte-aligned.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (!IsByteAligned)
        {
            throw new InvalidOperationException("Byte runs must start on a byte boundary.");
        }

        EnsureRoom(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>rbsp_trailing_bits: a stop bit of 1, then zeros to the byte boundary.</summary>
    public void WriteTrailingBits()
    {
        WriteBits(1, 1);
        AlignWithZeros();
    }

    private void Append(byte value)
    {
        EnsureRoom(1);
        _buffer[_length++] = value;
    }

    private void EnsureRoom(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }
    }
}
