using System.Security.Cryptography;
using Workers.IntegrationTests.Infrastructure;

namespace Workers.IntegrationTests.Persistence;

/// <summary>Runs alone: it measures the process's managed heap, which tests running beside it would inflate.</summary>
[CollectionDefinition(nameof(ArtifactStreamingMemoryTests), DisableParallelization = true)]
public sealed class ArtifactStreamingMemoryCollection;

[Collection(nameof(ArtifactStreamingMemoryTests))]
public sealed class ArtifactStreamingMemoryTests(PostgresTestDatabase database) : IClassFixture<PostgresTestDatabase>
{
    private const long PayloadBytes = 200L * 1024 * 1024;

    // A store that buffered the content would hold all 200 MiB at once; streaming holds about one 1 MiB chunk.
    private const long AllowedHeapGrowthBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task PutAsync_And_OpenReadAsync_200MiB_StayFarBelowThePayloadInManagedMemory()
    {
        var store = ArtifactStoreFactory.Create(database, chunkSizeBytes: 1024 * 1024);
        var baseline = ManagedHeapBytes();

        var upload = new PseudoRandomStream(PayloadBytes, seed: 42);
        var stored = await store.PutAsync(upload, "video/mp4", CancellationToken.None);

        Assert.Equal(PayloadBytes, stored.SizeBytes);
        Assert.Equal(PseudoRandomStream.Sha256(PayloadBytes, seed: 42), stored.Sha256);
        AssertHeapGrowthBelowBound("PutAsync", upload.PeakHeapBytes - baseline);

        await using var download = await store.OpenReadAsync(stored.Sha256, CancellationToken.None);
        var sink = new HashingSink();
        await download!.CopyToAsync(sink);
        Assert.Equal(PayloadBytes, sink.Length);
        Assert.Equal(stored.Sha256, sink.Sha256());
        AssertHeapGrowthBelowBound("reading", sink.PeakHeapBytes - baseline);
    }

    private static void AssertHeapGrowthBelowBound(string phase, long growthBytes) =>
        Assert.True(
            growthBytes < AllowedHeapGrowthBytes,
            $"The managed heap grew by {growthBytes / (1024 * 1024)} MiB while {phase} a {PayloadBytes / (1024 * 1024)} MiB artifact; the bound is {AllowedHeapGrowthBytes / (1024 * 1024)} MiB. Is it buffered whole?");

    private static long ManagedHeapBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Hashes what is written to it and keeps nothing, noting the heap size as it goes.</summary>
    private sealed class HashingSink : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public long PeakHeapBytes { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
            // Without a collection: garbage counts too, so a stream that allocated the whole artifact shows up here.
            PeakHeapBytes = Math.Max(PeakHeapBytes, GC.GetTotalMemory(forceFullCollection: false));
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
