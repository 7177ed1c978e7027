using System.Text.Json;
using Workers.Components.Scheduling;
using Workers.IntegrationTests.Infrastructure;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>What an operator sees in the management console once a process with delayed delivery has started.</summary>
public sealed class DelayTopologyTests(RabbitMqTestVirtualHost virtualHost) : IClassFixture<RabbitMqTestVirtualHost>
{
    static readonly DelayLevels Levels = new();

    [Fact]
    public async Task AddDelayedDelivery_HostStarted_ListsEveryLevelAsQuorumQueueWithTtlAndDeadLetterArguments()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var bus = await DelayProbeBus.StartAsync(virtualHost, "delay-topology-probe", cancellation.Token);

        var queues = (await virtualHost.Management.GetQueuesAsync(virtualHost.Name, cancellation.Token))
            .EnumerateArray().ToDictionary(queue => queue.GetProperty("name").GetString()!);

        foreach (var level in Levels.Levels)
        {
            var queue = queues[DelayLevels.LevelName(level)];
            var arguments = queue.GetProperty("arguments");

            Assert.Equal("quorum", queue.GetProperty("type").GetString());
            Assert.True(queue.GetProperty("durable").GetBoolean());
            Assert.Equal((1L << level) * 1000, arguments.GetProperty("x-message-ttl").GetInt64());
            Assert.Equal(DelayLevels.DeadLetterExchange(level), arguments.GetProperty("x-dead-letter-exchange").GetString());
            Assert.Equal("at-least-once", arguments.GetProperty("x-dead-letter-strategy").GetString());
            Assert.Equal("reject-publish", arguments.GetProperty("x-overflow").GetString());
        }

        Assert.Equal("quorum", queues[DelayTopologyNames.UnroutableQueue].GetProperty("type").GetString());
        Assert.DoesNotContain(DelayLevels.LevelName(Levels.MaxLevel + 1), queues.Keys);
    }

    [Fact]
    public async Task AddDelayedDelivery_HostStarted_BindsEachLevelToItsQueueAndTheNextHopByItsBit()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var bus = await DelayProbeBus.StartAsync(virtualHost, "delay-topology-probe", cancellation.Token);

        foreach (var level in Levels.Levels)
        {
            var name = DelayLevels.LevelName(level);
            var bindings = await BindingsFromAsync(name, cancellation.Token);

            Assert.Equal(2, bindings.Count);
            Assert.Contains(("queue", name, Levels.QueueBindingPattern(level)), bindings);
            Assert.Contains(("exchange", DelayLevels.DeadLetterExchange(level), Levels.NextHopBindingPattern(level)), bindings);
        }

        var delivery = await virtualHost.Management.GetExchangeAsync(virtualHost.Name, DelayTopologyNames.DeliveryExchange,
            cancellation.Token);
        Assert.Equal("topic", delivery.GetProperty("type").GetString());
        Assert.Equal(DelayTopologyNames.UnroutableExchange,
            delivery.GetProperty("arguments").GetProperty(DelayTopologyNames.AlternateExchangeArgument).GetString());
        Assert.Contains(("exchange", "delay-topology-probe", "#.delay-topology-probe"),
            await BindingsFromAsync(DelayTopologyNames.DeliveryExchange, cancellation.Token));
    }

    async Task<List<(string Type, string Destination, string RoutingKey)>> BindingsFromAsync(string exchange,
        CancellationToken cancellationToken)
    {
        var bindings = await virtualHost.Management.GetBindingsFromAsync(virtualHost.Name, exchange, cancellationToken);
        return bindings.EnumerateArray().Select(Describe).ToList();
    }

    static (string, string, string) Describe(JsonElement binding) => (
        binding.GetProperty("destination_type").GetString()!,
        binding.GetProperty("destination").GetString()!,
        binding.GetProperty("routing_key").GetString()!);
}
