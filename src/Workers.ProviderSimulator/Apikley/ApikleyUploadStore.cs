using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// Uploaded files in memory, bounded by <see cref="ApikleyOptions.UploadStoreMegabytes"/>: expired and then the
/// oldest uploads are dropped to make room. A same-path upload replaces the previous one (docs/PROVIDERS.md §3.1). Thread-safe.
/// </summary>
/// <remarks>
/// Every upload lives for the same <see cref="ApikleyOptions.UploadLifetime"/>, so arrival order is expiry order: the
/// expired ones are always at the front, and each add and removal costs O(1) however many uploads are held.
/// </remarks>
internal sealed class ApikleyUploadStore(IOptions<SimulatorOptions> options) : IResettableState
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<ApikleyUpload>> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedListNode<ApikleyUpload>> byPath = new(StringComparer.Ordinal);
    private readonly LinkedList<ApikleyUpload> oldestFirst = new();
    private long totalBytes;

    public void Add(ApikleyUpload upload, DateTimeOffset now)
    {
        var bound = options.Value.Apikley.UploadStoreMegabytes * 1024L * 1024L;
        lock (gate)
        {
            if (byPath.TryGetValue(upload.StoragePath, out var replaced))
            {
                Remove(replaced);
            }

            while (oldestFirst.First is { } oldest
                && (oldest.Value.ExpiresAt <= now || totalBytes + upload.Bytes.Length > bound))
            {
                Remove(oldest);
            }

            var node = oldestFirst.AddLast(upload);
            byId[upload.FileId] = node;
            byPath[upload.StoragePath] = node;
            totalBytes += upload.Bytes.Length;
        }
    }

    /// <summary>The live upload with id <paramref name="fileId"/>, or null when unknown, replaced, dropped or expired.</summary>
    public ApikleyUpload? FindById(string fileId, DateTimeOffset now)
    {
        lock (gate)
        {
            return byId.TryGetValue(fileId, out var node) && node.Value.ExpiresAt > now ? node.Value : null;
        }
    }

    /// <summary>The live upload stored at <c>{uploadPath}/{fileName}</c>.</summary>
    public ApikleyUpload? FindByPath(string storagePath, DateTimeOffset now)
    {
        lock (gate)
        {
            return byPath.TryGetValue(storagePath, out var node) && node.Value.ExpiresAt > now ? node.Value : null;
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            byId.Clear();
            byPath.Clear();
            oldestFirst.Clear();
            totalBytes = 0;
        }
    }

    private void Remove(LinkedListNode<ApikleyUpload> node)
    {
        byId.Remove(node.Value.FileId);
        byPath.Remove(node.Value.StoragePath);
        oldestFirst.Remove(node);
        totalBytes -= node.Value.Bytes.Length;
    }
}
