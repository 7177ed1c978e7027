using System.Buffers;
using System.Data;
using Npgsql;

namespace Workers.Persistence.Artifacts;

/// <summary>Reads one stored blob forward, fetching one chunk per query only when the previous one is used up.</summary>
/// <remarks>
/// Each fetch borrows a pooled connection just for that query, so a slow reader (a client downloading a video)
/// holds one chunk of memory and no connection between reads.
/// </remarks>
internal sealed class ArtifactChunkReadStream(NpgsqlDataSource dataSource, Guid blobId, long length) : Stream
{
    private const string ChunkSql = "SELECT length(data), data FROM artifact_chunks WHERE blob_id = $1 AND seq = $2";

    private byte[] _chunk = [];
    private int _chunkOffset;
    private int _chunkLength;
    private int _nextSeq;
    private long _position;
    private bool _disposed;

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty || _position == length)
        {
            return 0;
        }

        if (_chunkOffset == _chunkLength)
        {
            FetchNextChunk();
        }

        return CopyFromChunk(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffer.IsEmpty || _position == length)
        {
            return 0;
        }

        if (_chunkOffset == _chunkLength)
        {
            await FetchNextChunkAsync(cancellationToken);
        }

        return CopyFromChunk(buffer.Span);
    }

    private int CopyFromChunk(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _chunkLength - _chunkOffset);
        _chunk.AsSpan(_chunkOffset, count).CopyTo(destination);
        _chunkOffset += count;
        _position += count;
        return count;
    }

    private void FetchNextChunk()
    {
        using var connection = dataSource.OpenConnection();
        using var command = CreateChunkCommand(connection);
        // Sequential access streams the bytea straight into our buffer instead of through a second, row-sized one.
        using var reader = command.ExecuteReader(CommandBehavior.SequentialAccess);
        if (!reader.Read())
        {
            throw MissingChunk();
        }

        var chunkLength = MakeRoomForChunk(reader.GetInt32(0));
        using (var data = reader.GetStream(1))
        {
            data.ReadExactly(_chunk, 0, chunkLength);
        }

        MoveToNextChunk(chunkLength);
    }

    private async Task FetchNextChunkAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = CreateChunkCommand(connection);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw MissingChunk();
        }

        var chunkLength = MakeRoomForChunk(reader.GetInt32(0));
        await using (var data = await reader.GetStreamAsync(1, cancellationToken))
        {
            await data.ReadExactlyAsync(_chunk.AsMemory(0, chunkLength), cancellationToken);
        }

        MoveToNextChunk(chunkLength);
    }

    private NpgsqlCommand CreateChunkCommand(NpgsqlConnection connection)
    {
        var command = new NpgsqlCommand(ChunkSql, connection);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = blobId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = _nextSeq });
        return command;
    }

    private int MakeRoomForChunk(int chunkLength)
    {
        // An empty or oversized chunk means the blob does not match its artifacts row; never loop or read past it.
        if (chunkLength <= 0 || chunkLength > length - _position)
        {
            throw new InvalidDataException($"Artifact blob {blobId} chunk {_nextSeq} has {chunkLength} bytes, inconsistent with its recorded size.");
        }

        if (_chunk.Length < chunkLength)
        {
            ReturnChunkBuffer();
            _chunk = ArrayPool<byte>.Shared.Rent(chunkLength);
        }

        return chunkLength;
    }

    // Only after the whole chunk arrived: a failed or cancelled fetch leaves the stream where it was, so a retry refetches it.
    private void MoveToNextChunk(int chunkLength)
    {
        _chunkOffset = 0;
        _chunkLength = chunkLength;
        _nextSeq++;
    }

    private InvalidDataException MissingChunk() =>
        new($"Artifact blob {blobId} has no chunk {_nextSeq} although {length - _position} of its {length} bytes are unread.");

    private void ReturnChunkBuffer()
    {
        if (_chunk.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_chunk);
            _chunk = [];
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            ReturnChunkBuffer();
        }

        base.Dispose(disposing);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
