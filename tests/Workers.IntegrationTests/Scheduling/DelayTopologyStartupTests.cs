using Workers.Components.Scheduling;
using Workers.IntegrationTests.Infrastructure;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>Several replicas declaring the delay topology at once, on a virtual host where it does not exist yet.</summary>
public sealed class DelayTopologyStartupTests(RabbitMqTestVirtualHost virtualHost) : IClassFixture<RabbitMqTestVirtualHost>
{
    const int Replicas = 3;

    [Fact]
    public async Task AddDelayedDelivery_ReplicasStartTogether_AllStartAndDeclareOneTopology()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var buses = await Task.WhenAll(Enumerable.Range(0, Replicas).Select(_ =>
            DelayProbeBus.StartAsync(virtualHost, "delay-replica-probe", cancellation.Token)));
        try
        {
            var queues = await virtualHost.Management.GetQueuesAsync(virtualHost.Name, cancellation.Token);
            var levelQueues = queues.EnumerateArray()
                .Select(queue => queue.GetProperty("name").GetString()!)
                .Count(name => name.StartsWith("delay-level-", StringComparison.Ordinal));
            Assert.Equal(new DelayLevels().MaxLevel + 1, levelQueues);

            var probe = new DelayProbe(Guid.NewGuid());
            await buses[0].Scheduler().ScheduleSend(buses[1].Bus, "delay-replica-probe", probe, TimeSpan.FromSeconds(1),
                cancellation.Token);
            // The replicas compete for the endpoint's queue: any one of them may take it.
            for (var waited = 0; buses.Sum(bus => bus.Recorder().CountOf(probe.Id)) == 0; waited++)
            {
                Assert.True(waited < 300, "The probe did not arrive at any replica within 30 s.");
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation.Token);
            }
        }
        finally
        {
            foreach (var bus in buses)
                await bus.DisposeAsync();
        }
    }
}
