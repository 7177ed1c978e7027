using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Tests.Apikley;

/// <summary>An options monitor that always answers the same value.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}

/// <summary>Prepared inputs kept in memory, counting the steps saved.</summary>
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

internal static class ApikleyCommands
{
    /// <summary>A valid two-shot command whose scenes carry <paramref name="marker"/> for the simulator's scripts.</summary>
    public static GenerateVideo Video(string marker) => new()
    {
        RequestId = $"req-{marker}",
        Provider = ProviderNames.Apikley,
        DurationSeconds = 15,
        Shots =
        [
            new VideoShot { Prompt = $"A kitten with headphones [{marker}]", DurationSeconds = 7.5m },
            new VideoShot { Prompt = "The kitten licks its lips", DurationSeconds = 7.5m },
        ],
    };
}
