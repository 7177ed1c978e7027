using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// Uploaded files in memory, bounded by <see cref="ApikleyOptions.UploadStoreMegabytes"/>: expired and then the
/// oldest uploads are dropped to make room. A same-path upload replaces the previous one (README §3.1). Thread-safe.
/// </summary>
internal sealed class ApikleyUploadStore(IOptions<SimulatorOptions> options) : IResettableState
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ApikleyUpload> byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApikleyUpload> byPath = new(StringComparer.Ordinal);
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

            foreach (var expired in oldestFirst.Where(u => u.ExpiresAt <= now).ToList())
            {
                Remove(expired);
            }

            while (totalBytes + upload.Bytes.Length > bound && oldestFirst.First is { } oldest)
            {
                Remove(oldest.Value);
            }

            byId[upload.FileId] = upload;
            byPath[upload.StoragePath] = upload;
            oldestFirst.AddLast(upload);
            totalBytes += upload.Bytes.Length;
        }
    }

    /// <summary>The live upload with id <paramref name="fileId"/>, or null when unknown, replaced, dropped or expired.</summary>
    public ApikleyUpload? FindById(string fileId, DateTimeOffset now)
    {
        lock (gate)
        {
            return byId.TryGetValue(fileId, out var upload) && upload.ExpiresAt > now ? upload : null;
        }
    }

    /// <summary>The live upload stored at <c>{uploadPath}/{fileName}</c>.</summary>
    public ApikleyUpload? FindByPath(string storagePath, DateTimeOffset now)
    {
        lock (gate)
        {
            return byPath.TryGetValue(storagePath, out var upload) && upload.ExpiresAt > now ? upload : null;
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

    private void Remove(ApikleyUpload upload)
    {
        byId.Remove(upload.FileId);
        byPath.Remove(upload.StoragePath);
        oldestFirst.Remove(upload);
        totalBytes -= upload.Bytes.Length;
    }
}
