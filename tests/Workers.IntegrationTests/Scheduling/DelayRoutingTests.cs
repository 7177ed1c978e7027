using MassTransit;
using Workers.Components.Scheduling;
using Workers.IntegrationTests.Infrastructure;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>Where scheduled messages go: straight sends, poll loops, and destinations nobody bound.</summary>
public sealed class DelayRoutingTests(RabbitMqTestVirtualHost virtualHost) : IClassFixture<RabbitMqTestVirtualHost>
{
    const string Queue = "delay-routing-probe";
    const string Nobody = "nobody-home";

    static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0)]
    [InlineData(-5_000)]
    public async Task ScheduleSend_ZeroOrNegativeDelay_SendsStraightToTheDestination(int delayMilliseconds)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var bus = await DelayProbeBus.StartAsync(virtualHost, Queue, cancellation.Token);
        var probe = new DelayProbe(Guid.NewGuid());

        await bus.Scheduler().ScheduleSend(bus.Bus, Queue, probe, TimeSpan.FromMilliseconds(delayMilliseconds),
            cancellation.Token);
        var arrival = await bus.Recorder().WaitForArrivalAsync(probe.Id, 0, Patience, cancellation.Token);

        // Through the destination's fanout exchange, never a level: a delayed message carries its bits as routing key.
        Assert.Equal("", arrival.RoutingKey);
        Assert.True(arrival.Persistent);
    }

    [Fact]
    public async Task ScheduleSend_Delayed_ArrivesThroughDeliveryExchangeWithItsBitsPersistentAndWithoutTtl()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var bus = await DelayProbeBus.StartAsync(virtualHost, Queue, cancellation.Token);
        var probe = new DelayProbe(Guid.NewGuid());

        await bus.Scheduler().ScheduleSend(bus.Bus, Queue, probe, TimeSpan.FromSeconds(3), cancellation.Token);
        var arrival = await bus.Recorder().WaitForArrivalAsync(probe.Id, 0, Patience, cancellation.Token);

        Assert.Equal(new DelayLevels().RoutingKey(3, Queue), arrival.RoutingKey);
        Assert.True(arrival.Persistent);
        Assert.Null(arrival.Expiration);
    }

    [Fact]
    public async Task ScheduleSend_ImmediateToUnboundDestination_ThrowsInsteadOfDropping()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var bus = await DelayProbeBus.StartAsync(virtualHost, Queue, cancellation.Token);

        await Assert.ThrowsAsync<MessageReturnedException>(() => bus.Scheduler().ScheduleSend(bus.Bus, Nobody,
            new DelayProbe(Guid.NewGuid()), TimeSpan.Zero, cancellation.Token));
    }

    /// <summary>
    /// A poll loop re-schedules the message it consumed, through the same levels again; RabbitMQ must not take the
    /// second pass for a dead-letter cycle (it drops those silently).
    /// </summary>
    [Fact]
    public async Task ScheduleSend_FromConsumerAgainAndAgain_ArrivesEveryTime()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var bus = await DelayProbeBus.StartAsync(virtualHost, Queue, cancellation.Token);
        var probe = new RescheduleProbe(Guid.NewGuid(), HopsLeft: 2, DelaySeconds: 3, Queue);

        await bus.Scheduler().ScheduleSend(bus.Bus, Queue, probe, TimeSpan.FromSeconds(3), cancellation.Token);

        var recorder = bus.Recorder();
        var arrivals = new List<ProbeArrival>();
        for (var pass = 0; pass < 3; pass++)
        {
            arrivals.Add(await recorder.WaitForArrivalAsync(probe.Id, pass, Patience, cancellation.Token));
        }

        // Every pass waited its full 3 s again (levels 0 and 1), not cut short as a dead-letter cycle.
        Assert.All(arrivals, arrival => Assert.Equal(ProbeArrival.LevelsFor(3), arrival.LevelsPassed));
    }

    /// <summary>
    /// At-least-once dead-lettering retries an unroutable message forever and its worker holds only 32 at a time, so a
    /// few dozen messages for an unbound destination would stall every delay. The alternate exchange parks them instead.
    /// </summary>
    [Fact]
    public async Task ScheduleSend_ManyToUnboundDestination_ParksThemWithoutDelayingOthers()
    {
        const int Stranded = 40;
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var bus = await DelayProbeBus.StartAsync(virtualHost, Queue, cancellation.Token);
        var scheduler = bus.Scheduler();

        await Task.WhenAll(Enumerable.Range(0, Stranded).Select(_ =>
            scheduler.ScheduleSend(bus.Bus, Nobody, new DelayProbe(Guid.NewGuid()), TimeSpan.FromSeconds(1), cancellation.Token)));
        var probe = new DelayProbe(Guid.NewGuid());
        await scheduler.ScheduleSend(bus.Bus, Queue, probe, TimeSpan.FromSeconds(2), cancellation.Token);

        await bus.Recorder().WaitForArrivalAsync(probe.Id, 0, Patience, cancellation.Token);
        Assert.Equal(Stranded, await WaitForMessageCountAsync(DelayTopologyNames.UnroutableQueue, Stranded, cancellation.Token));
    }

    // The management API's counts lag by its statistics interval (5 s by default).
    async Task<long> WaitForMessageCountAsync(string queue, long expected, CancellationToken cancellationToken)
    {
        long count = -1;
        for (var attempt = 0; attempt < 30 && count != expected; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            var description = await virtualHost.Management.GetQueueAsync(virtualHost.Name, queue, cancellationToken);
            count = description.TryGetProperty("messages", out var messages) ? messages.GetInt64() : -1;
        }

        return count;
    }
}
