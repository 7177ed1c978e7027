namespace Workers.ProviderSimulator.Tests;

/// <summary>A clock that moves only when a test says so (timers still run on real time).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long utcTicks = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref utcTicks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref utcTicks, by.Ticks);
}
