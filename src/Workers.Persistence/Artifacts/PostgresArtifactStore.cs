using System.Buffers;
using System.ComponentModel.DataAnnotations;
using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Workers.Persistence.Artifacts;

/// <summary>
/// <see cref="IArtifactStore"/> in PostgreSQL: bytes in <c>artifact_chunks</c> rows of <see cref="PersistenceOptions.ChunkSizeBytes"/>,
/// published under their SHA-256 in <c>artifacts</c>.
/// </summary>
/// <remarks>
/// An upload commits its chunks as it goes, one transaction per chunk, so a 2 GiB video holds neither a long transaction
/// nor a pooled connection while it waits on its source; only then does it publish them with one <c>artifacts</c> row.
/// A crash or failure before that leaves a blob nothing points at: it is never read, and
/// <see cref="DeleteOrphanChunksAsync"/> reclaims it.
/// </remarks>
public sealed partial class PostgresArtifactStore : IArtifactStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<PostgresArtifactStore> _logger;
    private readonly int _chunkSizeBytes;
    private readonly long _maxArtifactBytes;

    public PostgresArtifactStore(
        NpgsqlDataSource dataSource,
        IOptions<PersistenceOptions> options,
        TimeProvider timeProvider,
        ILogger<PostgresArtifactStore> logger)
    {
        var settings = options.Value;
        // Also when built by hand rather than by AddPersistence: a zero chunk size would silently store nothing.
        Validator.ValidateObject(settings, new ValidationContext(settings), validateAllProperties: true);
        _dataSource = dataSource;
        _timeProvider = timeProvider;
        _logger = logger;
        _chunkSizeBytes = settings.ChunkSizeBytes;
        _maxArtifactBytes = settings.MaxArtifactBytes;
    }

    public async Task<StoredArtifact> PutAsync(Stream content, string contentType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);

        var now = _timeProvider.GetUtcNow();
        var blobId = Guid.CreateVersion7(now);
        await InsertBlobAsync(blobId, now, cancellationToken);
        try
        {
            var (sha256, sizeBytes) = await WriteChunksAsync(blobId, content, cancellationToken);
            return await PublishAsync(blobId, sha256, sizeBytes, contentType, cancellationToken);
        }
        catch
        {
            await DeleteAbandonedBlobAsync(blobId);
            throw;
        }
    }

    public async Task<StoredArtifact?> FindAsync(string sha256, CancellationToken cancellationToken)
    {
        var key = ArtifactKeys.NormalizeSha256(sha256);
        await using var command = _dataSource.CreateCommand("SELECT content_type, size_bytes FROM artifacts WHERE sha256 = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? ToStoredArtifact(key, reader.GetInt64(1), reader.GetString(0))
            : null;
    }

    public async Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var key = ArtifactKeys.NormalizeSha256(sha256);
        await using var command = _dataSource.CreateCommand("SELECT blob_id, size_bytes FROM artifacts WHERE sha256 = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = key });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ArtifactChunkReadStream(_dataSource, reader.GetGuid(0), reader.GetInt64(1))
            : null;
    }

    /// <summary>Deletes blobs no artifact points at that started more than <paramref name="olderThan"/> ago; returns how many.</summary>
    /// <remarks>Younger blobs may belong to uploads still in progress, so pick an age well beyond the longest upload (e.g. a day).</remarks>
    public async Task<int> DeleteOrphanChunksAsync(TimeSpan olderThan, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        await using var command = _dataSource.CreateCommand("""
            DELETE FROM artifact_blobs AS blob
            WHERE blob.created_at < $1
              AND NOT EXISTS (SELECT FROM artifacts WHERE artifacts.blob_id = blob.blob_id)
            """);
        command.Parameters.Add(TimestampParameter(_timeProvider.GetUtcNow() - olderThan));
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        LogOrphansDeleted(_logger, deleted);
        return deleted;
    }

    private async Task InsertBlobAsync(Guid blobId, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("INSERT INTO artifact_blobs (blob_id, created_at) VALUES ($1, $2)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = blobId });
        command.Parameters.Add(TimestampParameter(createdAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<(string Sha256, long SizeBytes)> WriteChunksAsync(Guid blobId, Stream content, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        // One chunk-sized buffer is all the upload holds, however long the content.
        var buffer = ArrayPool<byte>.Shared.Rent(_chunkSizeBytes);
        try
        {
            long sizeBytes = 0;
            for (var seq = 0; ; seq++)
            {
                // The source is often a slow provider download, so no connection is held while waiting for it.
                var filled = await content.ReadAtLeastAsync(
                    buffer.AsMemory(0, _chunkSizeBytes), _chunkSizeBytes, throwOnEndOfStream: false, cancellationToken);
                if (filled == 0)
                {
                    break;
                }

                sizeBytes += filled;
                if (sizeBytes > _maxArtifactBytes)
                {
                    throw new ArtifactTooLargeException(_maxArtifactBytes);
                }

                hash.AppendData(buffer, 0, filled);
                await InsertChunkAsync(blobId, seq, buffer.AsMemory(0, filled), cancellationToken);

                if (filled < _chunkSizeBytes)
                {
                    break;
                }
            }

            return (Convert.ToHexStringLower(hash.GetHashAndReset()), sizeBytes);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task InsertChunkAsync(Guid blobId, int seq, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("INSERT INTO artifact_chunks (blob_id, seq, data) VALUES ($1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = blobId });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = seq });
        command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<StoredArtifact> PublishAsync(
        Guid blobId, string sha256, long sizeBytes, string contentType, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Concurrent uploads of the same bytes wait on the primary key here; exactly one publishes.
        await using var insert = new NpgsqlCommand("""
            INSERT INTO artifacts (sha256, blob_id, content_type, size_bytes, created_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (sha256) DO NOTHING
            """, connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
        insert.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = blobId });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = contentType });
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = sizeBytes });
        insert.Parameters.Add(TimestampParameter(_timeProvider.GetUtcNow()));
        var stored = await insert.ExecuteNonQueryAsync(cancellationToken) == 1
            ? ToStoredArtifact(sha256, sizeBytes, contentType)
            : await DiscardDuplicateAsync(connection, transaction, blobId, sha256, cancellationToken);

        await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private static async Task<StoredArtifact> DiscardDuplicateAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid blobId, string sha256, CancellationToken cancellationToken)
    {
        await using (var delete = new NpgsqlCommand("DELETE FROM artifact_blobs WHERE blob_id = $1", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = blobId });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        // The first upload of these bytes keeps its content type: the key names the bytes, not how a caller labelled them.
        await using var select = new NpgsqlCommand("SELECT content_type, size_bytes FROM artifacts WHERE sha256 = $1", connection, transaction);
        select.Parameters.Add(new NpgsqlParameter<string> { TypedValue = sha256 });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Artifact {sha256} conflicted on insert but could not be read back.");
        }

        return ToStoredArtifact(sha256, reader.GetInt64(1), reader.GetString(0));
    }

    private async Task DeleteAbandonedBlobAsync(Guid blobId)
    {
        // Not the caller's token: cancellation is a common reason to be here. If this fails too, the orphan sweep gets it;
        // and a blob that did get published (a commit whose reply was lost) is protected by the artifacts foreign key.
        try
        {
            await using var command = _dataSource.CreateCommand("DELETE FROM artifact_blobs WHERE blob_id = $1");
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = blobId });
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (DbException exception)
        {
            LogAbandonedBlobKept(_logger, blobId, exception);
        }
    }

    private static StoredArtifact ToStoredArtifact(string sha256, long sizeBytes, string contentType) =>
        new(sha256, sizeBytes, contentType, ArtifactKeys.PostgresLocation(sha256));

    private static NpgsqlParameter<DateTimeOffset> TimestampParameter(DateTimeOffset value) =>
        new() { TypedValue = value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} orphan artifact blobs")]
    private static partial void LogOrphansDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete abandoned artifact blob {BlobId}; the orphan sweep will")]
    private static partial void LogAbandonedBlobKept(ILogger logger, Guid blobId, Exception exception);
}
