using System.Security.Cryptography;
using Workers.IntegrationTests.Infrastructure;
using Workers.Persistence.Artifacts;

namespace Workers.IntegrationTests.Persistence;

public sealed class PostgresArtifactStoreTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private const int ChunkSizeBytes = 64 * 1024;

    private readonly PostgresArtifactStore _store = ArtifactStoreFactory.Create(database, ChunkSizeBytes);

    [Fact]
    public async Task PutAsync_MultiChunkPayload_RoundTripsBytesAndSha256()
    {
        var payload = RandomBytes((5 * 1024 * 1024) + (512 * 1024));
        var expectedSha = Convert.ToHexStringLower(SHA256.HashData(payload));

        var stored = await _store.PutAsync(new MemoryStream(payload), "video/mp4", CancellationToken.None);

        Assert.Equal(new StoredArtifact(expectedSha, payload.Length, "video/mp4", $"postgres://artifacts/sha256/{expectedSha}"), stored);
        Assert.Equal(stored, await _store.FindAsync(expectedSha, CancellationToken.None));
        Assert.Equal(88L, await ChunkCountAsync(expectedSha));
        await using var read = await _store.OpenReadAsync(expectedSha, CancellationToken.None);
        Assert.NotNull(read);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(payload, copy.ToArray());
    }

    [Fact]
    public async Task OpenReadAsync_SynchronousReads_ReturnTheSameBytes()
    {
        var payload = RandomBytes((3 * ChunkSizeBytes) + 17);
        var stored = await _store.PutAsync(new MemoryStream(payload), "image/png", CancellationToken.None);

        await using var read = await _store.OpenReadAsync(stored.Sha256, CancellationToken.None);

        Assert.Equal(stored.Sha256, HashWithSynchronousReads(read!));
    }

    [Fact]
    public async Task PutAsync_SameBytesTwice_StoresOneRowAndNoExtraChunks()
    {
        var payload = RandomBytes((2 * ChunkSizeBytes) + 1);

        var first = await _store.PutAsync(new MemoryStream(payload), "image/png", CancellationToken.None);
        var second = await _store.PutAsync(new MemoryStream(payload), "application/octet-stream", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1L, await database.ScalarAsync<long>($"SELECT count(*) FROM artifacts WHERE sha256 = '{first.Sha256}'", CancellationToken.None));
        Assert.Equal(3L, await ChunkCountAsync(first.Sha256));
        Assert.Equal(0L, await UnpublishedBlobCountAsync());
    }

    [Fact]
    public async Task PutAsync_SameBytesConcurrently_PublishesOnceAndDiscardsTheOtherUploads()
    {
        var payload = RandomBytes((4 * ChunkSizeBytes) + 3);

        var stored = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => _store.PutAsync(new MemoryStream(payload), "image/webp", CancellationToken.None))));

        Assert.Single(stored.Distinct());
        Assert.Equal(5L, await ChunkCountAsync(stored[0].Sha256));
        Assert.Equal(0L, await UnpublishedBlobCountAsync());
    }

    [Fact]
    public async Task OpenReadAsync_TinyBuffer_ReadsAcrossChunkBoundaries()
    {
        var payload = RandomBytes((2 * ChunkSizeBytes) + 1000);
        var stored = await _store.PutAsync(new MemoryStream(payload), "image/jpeg", CancellationToken.None);
        await using var read = await _store.OpenReadAsync(stored.Sha256, CancellationToken.None);

        var copy = new MemoryStream();
        var buffer = new byte[7];
        int count;
        while ((count = await read!.ReadAsync(buffer)) > 0)
        {
            await copy.WriteAsync(buffer.AsMemory(0, count));
        }

        Assert.Equal(payload, copy.ToArray());
    }

    [Fact]
    public async Task OpenReadAsync_BufferLargerThanArtifact_EachReadReturnsAtMostOneChunk()
    {
        var payload = RandomBytes((3 * ChunkSizeBytes) + 5);
        var stored = await _store.PutAsync(new MemoryStream(payload), "image/png", CancellationToken.None);
        await using var read = await _store.OpenReadAsync(stored.Sha256, CancellationToken.None);

        var buffer = new byte[payload.Length];
        var counts = new List<int>();
        int count;
        while ((count = await read!.ReadAsync(buffer.AsMemory(counts.Sum()))) > 0)
        {
            counts.Add(count);
        }

        Assert.Equal([ChunkSizeBytes, ChunkSizeBytes, ChunkSizeBytes, 5], counts);
        Assert.Equal(payload, buffer);
    }

    [Fact]
    public async Task PutAsync_EmptyContent_StoresAZeroByteArtifact()
    {
        var stored = await _store.PutAsync(Stream.Null, "text/plain", CancellationToken.None);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), stored.Sha256);
        Assert.Equal(0L, stored.SizeBytes);
        await using var read = await _store.OpenReadAsync(stored.Sha256, CancellationToken.None);
        Assert.Equal(0, await read!.ReadAsync(new byte[16]));
    }

    [Fact]
    public async Task FindAsync_AndOpenReadAsync_UnknownSha256_ReturnNull()
    {
        var unknown = Convert.ToHexStringLower(SHA256.HashData("never stored"u8));

        Assert.Null(await _store.FindAsync(unknown, CancellationToken.None));
        Assert.Null(await _store.OpenReadAsync(unknown, CancellationToken.None));
    }

    [Fact]
    public async Task FindAsync_UpperCaseSha256_FindsTheArtifact()
    {
        var stored = await _store.PutAsync(new MemoryStream(RandomBytes(100)), "image/png", CancellationToken.None);

        Assert.Equal(stored, await _store.FindAsync(stored.Sha256.ToUpperInvariant(), CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public async Task FindAsync_MalformedSha256_Throws(string sha256)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _store.FindAsync(sha256, CancellationToken.None));
    }

    [Fact]
    public async Task PutAsync_ContentOverMaxBytes_ThrowsAndKeepsNothing()
    {
        var limited = ArtifactStoreFactory.Create(database, ChunkSizeBytes, maxArtifactBytes: (2 * ChunkSizeBytes) + 10);
        var payload = RandomBytes((2 * ChunkSizeBytes) + 11);

        var error = await Assert.ThrowsAsync<ArtifactTooLargeException>(
            () => limited.PutAsync(new MemoryStream(payload), "video/mp4", CancellationToken.None));

        Assert.Equal((2 * ChunkSizeBytes) + 10, error.MaxBytes);
        Assert.Null(await limited.FindAsync(Convert.ToHexStringLower(SHA256.HashData(payload)), CancellationToken.None));
        Assert.Equal(0L, await UnpublishedBlobCountAsync());
    }

    [Fact]
    public async Task PutAsync_ContentExactlyMaxBytes_IsStored()
    {
        var limited = ArtifactStoreFactory.Create(database, ChunkSizeBytes, maxArtifactBytes: ChunkSizeBytes);

        var stored = await limited.PutAsync(new MemoryStream(RandomBytes(ChunkSizeBytes)), "image/png", CancellationToken.None);

        Assert.Equal(ChunkSizeBytes, stored.SizeBytes);
    }

    [Fact]
    public async Task PutAsync_SourceFailsMidway_PublishesNothingAndRemovesItsChunks()
    {
        var failing = new FailingStream(new MemoryStream(RandomBytes(3 * ChunkSizeBytes)), failAfterBytes: (2 * ChunkSizeBytes) + 100);

        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync(failing, "video/mp4", CancellationToken.None));

        Assert.Equal(0L, await UnpublishedBlobCountAsync());
        Assert.Equal(0L, await database.ScalarAsync<long>(
            "SELECT count(*) FROM artifact_chunks c WHERE NOT EXISTS (SELECT FROM artifacts a WHERE a.blob_id = c.blob_id)", CancellationToken.None));
    }

    // Outside an async method on purpose: this exercises the stream's blocking Read path, which sync-only consumers use.
    private static string HashWithSynchronousReads(Stream stream) => Convert.ToHexStringLower(SHA256.HashData(stream));

    private static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private Task<long> ChunkCountAsync(string sha256) =>
        database.ScalarAsync<long>(
            $"SELECT count(*) FROM artifact_chunks c JOIN artifacts a USING (blob_id) WHERE a.sha256 = '{sha256}'", CancellationToken.None);

    private Task<long> UnpublishedBlobCountAsync() =>
        database.ScalarAsync<long>(
            "SELECT count(*) FROM artifact_blobs b WHERE NOT EXISTS (SELECT FROM artifacts a WHERE a.blob_id = b.blob_id)", CancellationToken.None);

    /// <summary>Throws an <see cref="IOException"/> once <c>failAfterBytes</c> have been read, like a dropped download.</summary>
    private sealed class FailingStream(Stream inner, long failAfterBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= failAfterBytes)
            {
                throw new IOException("The source connection was reset.");
            }

            var read = inner.Read(buffer, offset, (int)Math.Min(count, failAfterBytes - _read));
            _read += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
