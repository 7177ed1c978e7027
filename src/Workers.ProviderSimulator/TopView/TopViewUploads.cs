using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.TopView;

/// <summary>One fileId handed out by <c>/v1/upload/credential</c>; <see cref="Size"/> is set once its PUT arrived.</summary>
internal sealed class TopViewUpload(string fileId, string uid, string format, TopViewMediaKind kind)
{
    private long size = -1;

    public string FileId { get; } = fileId;

    public string Uid { get; } = uid;

    public string Format { get; } = format;

    public TopViewMediaKind Kind { get; } = kind;

    public bool IsUploaded => Interlocked.Read(ref size) >= 0;

    public long Size => Interlocked.Read(ref size);

    public void Received(long bytes) => Interlocked.Exchange(ref size, bytes);
}

/// <summary>
/// Upload slots and their bytes. The slots are small and kept until reset; the bytes live in a cache bounded by
/// <see cref="TopViewOptions.UploadMemoryMegabytes"/>, so a benchmark that uploads a lot cannot exhaust memory
/// (nothing reads the bytes back: tasks only need to know the file arrived). Thread-safe.
/// </summary>
internal sealed class TopViewUploads : IResettableState, IDisposable
{
    private readonly ConcurrentDictionary<string, TopViewUpload> uploads = new(StringComparer.Ordinal);
    private readonly MemoryCache bytes;

    public TopViewUploads(IOptions<SimulatorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        bytes = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.TopView.UploadMemoryMegabytes * 1024L * 1024L });
    }

    public TopViewUpload Issue(string uid, string format, TopViewMediaKind kind)
    {
        var upload = new TopViewUpload(Guid.NewGuid().ToString("N"), uid, format.ToLowerInvariant(), kind);
        uploads[upload.FileId] = upload;
        return upload;
    }

    public TopViewUpload? Find(string fileId) => uploads.GetValueOrDefault(fileId);

    /// <summary>Stores the PUT body of <paramref name="upload"/>; a second PUT replaces the first, as on S3.</summary>
    public void Store(TopViewUpload upload, byte[] content)
    {
        bytes.Set(upload.FileId, content, new MemoryCacheEntryOptions { Size = Math.Max(1, content.Length) });
        upload.Received(content.Length);
    }

    /// <summary>The uploaded bytes while they are still held in memory.</summary>
    public byte[]? Content(string fileId) => bytes.TryGetValue(fileId, out byte[]? content) ? content : null;

    public void Reset()
    {
        uploads.Clear();
        bytes.Compact(1.0);
    }

    public void Dispose() => bytes.Dispose();
}
