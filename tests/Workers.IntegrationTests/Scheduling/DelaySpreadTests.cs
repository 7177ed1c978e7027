using Workers.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>Delays of many sizes through the real broker: each waits in exactly the levels of its binary digits; lateness printed.</summary>
public sealed class DelaySpreadTests(RabbitMqTestVirtualHost virtualHost, ITestOutputHelper output)
    : IClassFixture<RabbitMqTestVirtualHost>
{
    const string Queue = "delay-spread-probe";
    const int CopiesPerDelay = 3;

    // A broken level (a TTL that never fires, a wrong binding) shows up as tens of seconds late or never.
    static readonly TimeSpan SanityLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ScheduleSend_SpreadOfDelays_PassesTheLevelsOfItsBinaryDigitsAndPrintsLateness()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var bus = await DelayProbeBus.StartAsync(virtualHost, Queue, cancellation.Token);
        var recorder = bus.Recorder();
        var scheduler = bus.Scheduler();
        var time = recorder.TimeProvider;

        // Fractions check the rounding up; 127 s crosses seven levels (0b1111111), the most hops in the run.
        TimeSpan[] delays =
        [
            .. new[] { 1, 2, 3, 5, 8, 13, 30, 61 }.Select(seconds => TimeSpan.FromSeconds(seconds)),
            TimeSpan.FromMilliseconds(1_500), TimeSpan.FromMilliseconds(2_200), TimeSpan.FromSeconds(127),
        ];

        // Warm the connection and channel first, so the figures are the levels' lateness and not the first send's setup.
        var warmUp = new DelayProbe(Guid.NewGuid());
        await scheduler.ScheduleSend(bus.Bus, Queue, warmUp, TimeSpan.Zero, cancellation.Token);
        await recorder.WaitForArrivalAsync(warmUp.Id, 0, SanityLimit, cancellation.Token);

        var sends = delays.SelectMany(delay => Enumerable.Range(0, CopiesPerDelay).Select(async copy =>
        {
            var probe = new DelayProbe(Guid.NewGuid());
            var sentAt = time.GetTimestamp();
            await scheduler.ScheduleSend(bus.Bus, Queue, probe, delay, cancellation.Token);
            var arrival = await recorder.WaitForArrivalAsync(probe.Id, 0, delay + SanityLimit, cancellation.Token);
            return (Requested: delay, Elapsed: time.GetElapsedTime(sentAt, arrival.Timestamp), Arrival: arrival);
        }));
        var arrivals = await Task.WhenAll(sends);

        var report = new LatenessReport();
        foreach (var (requested, elapsed, arrival) in arrivals)
        {
            Assert.True(arrival.Persistent);
            Assert.Null(arrival.Expiration);

            var scheduled = TimeSpan.FromSeconds(Math.Ceiling(requested.TotalSeconds));
            report.Add($"asked {requested.TotalSeconds:0.0} s", scheduled, elapsed);

            // Each level holds a message for its TTL (DelayTopologyTests checks those): passing exactly the levels of
            // the delay's binary digits, once each, is waiting exactly that long, whatever the clocks say.
            Assert.Equal(ProbeArrival.LevelsFor((long)scheduled.TotalSeconds), arrival.LevelsPassed);
        }

        report.WriteTo(output, "Delay spread");
    }
}
