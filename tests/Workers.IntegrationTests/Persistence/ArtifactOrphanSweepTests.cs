using Npgsql;
using Workers.IntegrationTests.Infrastructure;

namespace Workers.IntegrationTests.Persistence;

public sealed class ArtifactOrphanSweepTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task DeleteOrphanChunksAsync_RemovesOldUnpublishedBlobsOnly()
    {
        var clock = new ManualTimeProvider(Start);
        var store = ArtifactStoreFactory.Create(database, chunkSizeBytes: 1024, timeProvider: clock);
        var published = await store.PutAsync(new MemoryStream(new byte[5000]), "image/png", CancellationToken.None);
        var crashedUpload = await InsertUnpublishedBlobAsync(Start, chunks: 3);
        var uploadInProgress = await InsertUnpublishedBlobAsync(Start + TimeSpan.FromHours(47), chunks: 2);

        clock.Now = Start + TimeSpan.FromHours(48);
        var deleted = await store.DeleteOrphanChunksAsync(TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal(0L, await ChunkCountAsync(crashedUpload));
        Assert.Equal(2L, await ChunkCountAsync(uploadInProgress));
        await using var read = await store.OpenReadAsync(published.Sha256, CancellationToken.None);
        var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(new byte[5000], copy.ToArray());
    }

    /// <summary>What a process that died mid-upload leaves behind: a blob and some chunks, no artifacts row.</summary>
    private async Task<Guid> InsertUnpublishedBlobAsync(DateTimeOffset createdAt, int chunks)
    {
        var blobId = Guid.NewGuid();
        await using var batch = database.DataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("INSERT INTO artifact_blobs (blob_id, created_at) VALUES ($1, $2)")
        {
            Parameters = { new NpgsqlParameter<Guid> { TypedValue = blobId }, new NpgsqlParameter<DateTimeOffset> { TypedValue = createdAt } },
        });
        for (var seq = 0; seq < chunks; seq++)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand("INSERT INTO artifact_chunks (blob_id, seq, data) VALUES ($1, $2, $3)")
            {
                Parameters = { new NpgsqlParameter<Guid> { TypedValue = blobId }, new NpgsqlParameter<int> { TypedValue = seq }, new NpgsqlParameter<byte[]> { TypedValue = new byte[100] } },
            });
        }

        await batch.ExecuteNonQueryAsync();
        return blobId;
    }

    private Task<long> ChunkCountAsync(Guid blobId) =>
        database.ScalarAsync<long>($"SELECT count(*) FROM artifact_chunks WHERE blob_id = '{blobId}'", CancellationToken.None);
}
