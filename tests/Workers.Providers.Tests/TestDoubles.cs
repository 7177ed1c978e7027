using Microsoft.Extensions.Options;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;
using Workers.Tests.Shared;

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

/// <summary>
/// Guards whose DNS is a table (<see cref="FakeHostResolver"/>): the tests' public names resolve to a public address,
/// <see cref="PrivateName"/> to a private one.
/// </summary>
internal static class TestGuards
{
    /// <summary>A public address (not a documentation one: those are refused).</summary>
    public const string PublicAddress = "93.184.215.14";

    /// <summary>A public-looking name whose DNS answer is a private address.</summary>
    public const string PrivateName = "intranet.example.com";

    public static PublicAddressGuard Create(ReferenceUrlOptions? options = null, FakeHostResolver? resolver = null) =>
        new(resolver ?? Names(), new FixedOptionsMonitor<ReferenceUrlOptions>(options ?? new ReferenceUrlOptions()), TimeProvider.System);

    /// <summary>The names the provider tests use.</summary>
    public static FakeHostResolver Names() => new FakeHostResolver()
        .Add("refs.example", PublicAddress)
        .Add("example.com", PublicAddress)
        .Add("file.example.com", PublicAddress)
        .Add(PrivateName, "10.20.30.40");
}
