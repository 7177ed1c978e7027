using System.Net;
using System.Net.Sockets;
using Workers.Providers.Http;

namespace Workers.Tests.Shared;

/// <summary>
/// DNS from a table, so that no test depends on the machine's resolver (there is no internet here, and a CI
/// machine's answers are its own). A name not in the table does not resolve.
/// </summary>
internal sealed class FakeHostResolver : IHostResolver
{
    private readonly Dictionary<string, Func<CancellationToken, Task<IPAddress[]>>> answers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> lookups = [];

    /// <summary>Every name looked up, in order.</summary>
    public IReadOnlyList<string> Lookups
    {
        get
        {
            lock (lookups)
            {
                return [.. lookups];
            }
        }
    }

    public FakeHostResolver Add(string host, params string[] addresses)
    {
        var parsed = addresses.Select(IPAddress.Parse).ToArray();
        answers[host] = _ => Task.FromResult(parsed);
        return this;
    }

    public FakeHostResolver Fail(string host, SocketError error)
    {
        answers[host] = _ => Task.FromException<IPAddress[]>(new SocketException((int)error));
        return this;
    }

    /// <summary>A resolver that never answers for <paramref name="host"/>.</summary>
    public FakeHostResolver Hang(string host)
    {
        answers[host] = async ct =>
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return [];
        };
        return this;
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        lock (lookups)
        {
            lookups.Add(host);
        }

        return answers.TryGetValue(host.TrimEnd('.'), out var answer)
            ? answer(cancellationToken)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
