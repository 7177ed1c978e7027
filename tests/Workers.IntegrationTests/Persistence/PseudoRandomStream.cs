using System.Security.Cryptography;

namespace Workers.IntegrationTests.Persistence;

/// <summary>
/// A read-only stream of <c>length</c> pseudo-random bytes made on demand (xorshift64), so a test can upload
/// hundreds of MiB without holding them; notes the heap size at each read to catch consumers that buffer it all.
/// </summary>
internal sealed class PseudoRandomStream(long length, ulong seed) : Stream
{
    private ulong _state = seed | 1;
    private long _position;

    public long PeakHeapBytes { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The SHA-256 of the bytes a stream with this length and seed produces.</summary>
    public static string Sha256(long length, ulong seed)
    {
        using var stream = new PseudoRandomStream(length, seed);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Without a collection: garbage counts too, so a consumer that copied everything read so far shows up here.
        PeakHeapBytes = Math.Max(PeakHeapBytes, GC.GetTotalMemory(forceFullCollection: false));
        var count = (int)Math.Min(buffer.Length, length - _position);
        for (var index = 0; index < count; index++)
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            buffer[index] = (byte)_state;
        }

        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
