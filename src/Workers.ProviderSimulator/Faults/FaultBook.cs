using System.Collections.Concurrent;
using Workers.ProviderSimulator.Ledger;

namespace Workers.ProviderSimulator.Faults;

/// <summary>The fault injections in force, one per provider. Thread-safe.</summary>
public sealed class FaultBook(CounterBook counters, TimeProvider time) : IResettableState
{
    private readonly ConcurrentDictionary<string, FaultInjection> injections = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replaces the injection of its provider (already validated).</summary>
    public FaultInjection Set(FaultInjection injection)
    {
        ArgumentNullException.ThrowIfNull(injection);
        var normalised = injection with { Provider = SimulatedProviders.Canonical(injection.Provider) ?? injection.Provider };
        injections[normalised.Provider] = normalised;
        return normalised;
    }

    /// <summary>Stops injecting faults into <paramref name="provider"/>; false when none were set.</summary>
    public bool Clear(string provider) => injections.TryRemove(provider, out _);

    public IReadOnlyList<FaultInjection> List() => injections.Values.OrderBy(i => i.Provider, StringComparer.Ordinal).ToList();

    /// <summary>The fault for one call of <paramref name="target"/> kind, or null (the usual case) to serve it normally.</summary>
    public InjectedFault? Draw(string provider, FaultTarget target)
    {
        if (!injections.TryGetValue(provider, out var injection)
            || (injection.Target != FaultTarget.All && injection.Target != target))
        {
            return null;
        }

        var roll = Random.Shared.NextDouble();
        InjectedFault? fault = null;
        if (roll < injection.ErrorRate)
        {
            var status = injection.Statuses[Random.Shared.Next(injection.Statuses.Count)];
            var retryAfter = status is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
                ? injection.RetryAfterSeconds
                : null;
            fault = new InjectedFault(status, retryAfter, Hang: null);
        }
        else if (roll < injection.ErrorRate + injection.TimeoutRate)
        {
            fault = new InjectedFault(Status: null, RetryAfterSeconds: null, TimeSpan.FromMilliseconds(injection.TimeoutMs));
        }

        if (fault is not null)
        {
            counters.FaultInjected(provider);
        }

        return fault;
    }

    /// <summary>Serves a hang: holds the call, then aborts the connection so the caller sees no response at all.</summary>
    public async Task<IResult> HangAsync(HttpContext context, InjectedFault fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(fault);
        try
        {
            await Task.Delay(fault.Hang ?? TimeSpan.Zero, time, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up first, as a timed-out client does.
        }

        context.Abort();
        return Results.Empty;
    }

    public void Reset() => injections.Clear();
}
