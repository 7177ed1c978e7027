using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Files;

/// <summary>
/// Rendered result files, bounded by <see cref="SimulatorOptions.FileCacheMegabytes"/>: files render on first
/// download only, so 100k tasks cost nothing until someone fetches them, and a fetched one is not rendered again
/// while it stays cached.
/// </summary>
public sealed class RenderedFileCache : IResettableState, IDisposable
{
    // Its own MemoryCache: a size limit on the application-wide IMemoryCache would force sizes on every other user.
    private readonly MemoryCache cache;

    public RenderedFileCache(IOptions<SimulatorOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.Value.FileCacheMegabytes * 1024L * 1024L });
    }

    /// <summary>The bytes of <paramref name="file"/>; two concurrent first downloads may both render, which is harmless.</summary>
    public byte[] GetOrRender(FileAddress address, SimulatedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (cache.TryGetValue(address, out byte[]? cached) && cached is not null)
        {
            return cached;
        }

        var bytes = file.Render();
        cache.Set(address, bytes, new MemoryCacheEntryOptions { Size = Math.Max(1, bytes.Length) });
        return bytes;
    }

    public void Reset() => cache.Compact(1.0);

    public void Dispose() => cache.Dispose();
}
