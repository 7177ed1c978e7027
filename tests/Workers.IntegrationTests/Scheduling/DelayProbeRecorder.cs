namespace Workers.IntegrationTests.Scheduling;

/// <summary>How one probe reached its consumer.</summary>
/// <param name="Timestamp">Monotonic timestamp of the recorder's <see cref="TimeProvider"/>.</param>
/// <param name="RoutingKey">The routing key it was last published with.</param>
/// <param name="Persistent">Whether the broker was asked to keep it on disk.</param>
/// <param name="Expiration">Its per-message TTL, if any.</param>
/// <param name="LevelsPassed">Delay-level queue → how many times the message expired from it (RabbitMQ's <c>x-death</c>).</param>
public sealed record ProbeArrival(long Timestamp, string? RoutingKey, bool Persistent, string? Expiration, IReadOnlyDictionary<string, long> LevelsPassed)
{
    /// <summary>The levels a delay of <paramref name="seconds"/> whole seconds must pass through, once each: its binary digits.</summary>
    public static IReadOnlyDictionary<string, long> LevelsFor(long seconds) =>
        Enumerable.Range(0, 63).Where(bit => (seconds & (1L << bit)) != 0)
            .ToDictionary(bit => Workers.Components.Scheduling.DelayLevels.LevelName(bit), _ => 1L, StringComparer.Ordinal);
}

/// <summary>Records probe arrivals and lets tests await them.</summary>
public sealed class DelayProbeRecorder(TimeProvider timeProvider)
{
    readonly Lock _gate = new();
    readonly Dictionary<Guid, List<TaskCompletionSource<ProbeArrival>>> _arrivals = [];
    readonly Dictionary<Guid, int> _counts = [];

    public TimeProvider TimeProvider => timeProvider;

    public void Record(Guid id, string? routingKey, bool persistent, string? expiration, IReadOnlyDictionary<string, long> levelsPassed)
    {
        var arrival = new ProbeArrival(timeProvider.GetTimestamp(), routingKey, persistent, expiration, levelsPassed);
        lock (_gate)
        {
            var count = _counts.GetValueOrDefault(id);
            _counts[id] = count + 1;
            Slot(id, count).TrySetResult(arrival);
        }
    }

    public int CountOf(Guid id)
    {
        lock (_gate)
            return _counts.GetValueOrDefault(id);
    }

    /// <summary>The probe's <paramref name="arrival"/>-th arrival (0 is the first).</summary>
    public async Task<ProbeArrival> WaitForArrivalAsync(Guid id, int arrival, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task<ProbeArrival> task;
        lock (_gate)
            task = Slot(id, arrival).Task;

        try
        {
            return await task.WaitAsync(timeout, timeProvider, cancellationToken);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"Probe {id} (arrival #{arrival + 1}) did not arrive within {timeout}.", exception);
        }
    }

    TaskCompletionSource<ProbeArrival> Slot(Guid id, int arrival)
    {
        if (!_arrivals.TryGetValue(id, out var slots))
            _arrivals[id] = slots = [];

        while (slots.Count <= arrival)
            slots.Add(new TaskCompletionSource<ProbeArrival>(TaskCreationOptions.RunContinuationsAsynchronously));

        return slots[arrival];
    }
}
