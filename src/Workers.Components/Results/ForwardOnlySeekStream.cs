namespace Workers.Components.Results;

/// <summary>
/// Presents a forward-only stream of known length as seekable, skipping ahead by reading: what an atom reader needs to
/// walk past a video's media data to an index stored after it.
/// </summary>
internal sealed class ForwardOnlySeekStream(Stream inner, long length) : Stream
{
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inner.Read(buffer, offset, count);
        position += read;
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };
        if (target < position)
        {
            throw new NotSupportedException("This stream only moves forward.");
        }

        var skip = new byte[81920];
        while (position < target)
        {
            var read = inner.Read(skip, 0, (int)Math.Min(skip.Length, target - position));
            if (read == 0)
            {
                break;
            }

            position += read;
        }

        return position;
    }

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
