using Workers.Components.Scheduling;
using Workers.IntegrationTests.Infrastructure;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>A broker whose delay queues were made differently (another MaxLevel, by hand) stops start-up at once.</summary>
public sealed class DelayTopologyConflictTests(RabbitMqTestVirtualHost virtualHost) : IClassFixture<RabbitMqTestVirtualHost>
{
    [Fact]
    public async Task AddDelayedDelivery_LevelQueueExistsWithOtherArguments_FailsStartWithoutRetrying()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var factory = virtualHost.CreateConnectionFactory();
        await using (var connection = await factory.CreateConnectionAsync(cancellation.Token))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: cancellation.Token))
        {
            await channel.QueueDeclareAsync(DelayLevels.LevelName(3), durable: true, exclusive: false, autoDelete: false,
                cancellationToken: cancellation.Token);
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            DelayProbeBus.StartAsync(virtualHost, "delay-conflict-probe", cancellation.Token));

        Assert.Contains(DelayLevels.LevelName(3), failure.Message, StringComparison.Ordinal);
    }
}
