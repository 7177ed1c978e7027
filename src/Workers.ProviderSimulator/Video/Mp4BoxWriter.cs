using System.Buffers.Binary;
using System.Text;

namespace Workers.ProviderSimulator.Video;

/// <summary>
/// Writes nested ISO BMFF boxes big-endian: <c>using (writer.Box("moov")) { … }</c> writes the header, and the
/// box's size is filled in when the scope ends.
/// </summary>
internal sealed class Mp4BoxWriter(int capacity = 1024)
{
    private byte[] _buffer = new byte[Math.Max(capacity, 16)];
    private int _length;

    public BoxScope Box(string type)
    {
        var start = _length;
        UInt32(0); // size, filled in by Close
        FourCc(type);
        return new BoxScope(this, start);
    }

    /// <summary>A "full box": a box whose body starts with a version byte and 24 bits of flags.</summary>
    public BoxScope FullBox(string type, byte version = 0, uint flags = 0)
    {
        var scope = Box(type);
        UInt32(((uint)version << 24) | flags);
        return scope;
    }

    public void UInt8(byte value) => Take(1)[0] = value;

    public void UInt16(int value) => BinaryPrimitives.WriteUInt16BigEndian(Take(2), checked((ushort)value));

    public void UInt32(long value) => BinaryPrimitives.WriteUInt32BigEndian(Take(4), checked((uint)value));

    public void FourCc(string code)
    {
        if (code.Length != 4 || Encoding.ASCII.GetBytes(code, Take(4)) != 4)
        {
            throw new ArgumentException("A box type has four ASCII characters.", nameof(code));
        }
    }

    public void Bytes(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Take(bytes.Length));

    public void Zeros(int count) => Take(count).Clear();

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();

    /// <summary>Appends room for <paramref name="count"/> bytes and returns it.</summary>
    private Span<byte> Take(int count)
    {
        if (_length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + count));
        }

        _length += count;
        return _buffer.AsSpan(_length - count, count);
    }

    private void Close(int start) => BinaryPrimitives.WriteUInt32BigEndian(_buffer.AsSpan(start), (uint)(_length - start));

    public readonly struct BoxScope(Mp4BoxWriter writer, int start) : IDisposable
    {
        public void Dispose() => writer.Close(start);
    }
}
