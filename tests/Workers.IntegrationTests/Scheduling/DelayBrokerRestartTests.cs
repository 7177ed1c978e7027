using System.Globalization;
using Workers.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>Messages waiting in the delay levels survive a broker restart, and the bus reconnects to deliver them.</summary>
[Collection(RabbitMqBrokerRestartCollection.Name)]
public sealed class DelayBrokerRestartTests(RabbitMqTestVirtualHost virtualHost, ITestOutputHelper output)
    : IClassFixture<RabbitMqTestVirtualHost>
{
    const string Queue = "delay-restart-probe";

    // Generous: the restart itself takes several seconds and MassTransit reconnects with back-off.
    static readonly TimeSpan SanityLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task ScheduleSend_BrokerRestartsWhileMessagesWait_AllArriveThroughTheirWholeLevels()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var bus = await DelayProbeBus.StartAsync(virtualHost, Queue, cancellation.Token);
        var recorder = bus.Recorder();
        var scheduler = bus.Scheduler();
        var time = recorder.TimeProvider;

        // Spread over levels 0-4, so the restart catches messages in several queues and between hops.
        int[] seconds = [12, 20, 25, 30];
        var waiting = new List<(TimeSpan Delay, Guid Id, long SentAt)>();
        foreach (var delay in seconds.Select(value => TimeSpan.FromSeconds(value)))
        {
            var probe = new DelayProbe(Guid.NewGuid());
            var sentAt = time.GetTimestamp();
            await scheduler.ScheduleSend(bus.Bus, Queue, probe, delay, cancellation.Token);
            waiting.Add((delay, probe.Id, sentAt));
        }

        await Task.Delay(TimeSpan.FromSeconds(3), time, cancellation.Token);
        var restartStarted = time.GetTimestamp();
        await RabbitMqBrokerControl.RestartApplicationAsync(cancellation.Token);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Broker application restarted in {time.GetElapsedTime(restartStarted).TotalSeconds:0.0} s"));

        // Scheduling after the restart must work too, once MassTransit has reconnected.
        var afterRestart = new DelayProbe(Guid.NewGuid());
        var afterRestartSentAt = time.GetTimestamp();
        await scheduler.ScheduleSend(bus.Bus, Queue, afterRestart, TimeSpan.FromSeconds(5), cancellation.Token);
        waiting.Add((TimeSpan.FromSeconds(5), afterRestart.Id, afterRestartSentAt));

        var report = new LatenessReport();
        foreach (var (delay, id, sentAt) in waiting)
        {
            var arrival = await recorder.WaitForArrivalAsync(id, 0, delay + SanityLimit, cancellation.Token);
            var elapsed = time.GetElapsedTime(sentAt, arrival.Timestamp);
            report.Add(id == afterRestart.Id ? "sent after the restart" : "waiting through restart", delay, elapsed);

            Assert.Equal(ProbeArrival.LevelsFor((long)delay.TotalSeconds), arrival.LevelsPassed);
        }

        report.WriteTo(output, "Through a broker restart");
    }
}
