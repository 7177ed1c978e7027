using Microsoft.Extensions.Options;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Tests;

/// <summary>Options that never change.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

/// <summary>Prepared inputs kept in memory, as the request's row would keep them, counting the steps saved.</summary>
internal sealed class MemoryPreparedInputs : IPreparedInputs
{
    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public int Saves { get; private set; }

    public string? Find(string key) => Values.GetValueOrDefault(key);

    public Task SaveAsync(string key, string value, CancellationToken cancellationToken)
    {
        Values[key] = value;
        Saves++;
        return Task.CompletedTask;
    }
}
