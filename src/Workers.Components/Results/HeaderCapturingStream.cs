namespace Workers.Components.Results;

/// <summary>Passes a stream through while keeping its first bytes, so image dimensions can be read without a second download.</summary>
internal sealed class HeaderCapturingStream(Stream inner, int capacity) : Stream
{
    private readonly byte[] header = new byte[capacity];
    private int captured;

    public ReadOnlySpan<byte> Header => header.AsSpan(0, captured);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Keep(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Keep(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Keep(ReadOnlySpan<byte> read)
    {
        var take = Math.Min(read.Length, header.Length - captured);
        read[..take].CopyTo(header.AsSpan(captured));
        captured += take;
        return read.Length;
    }
}
