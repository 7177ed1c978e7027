using RabbitMQ.Client;

namespace Workers.Components.Scheduling;

/// <summary>Declares a <see cref="DelayTopology"/> on a channel. Every step is idempotent, so replicas may race.</summary>
public static class DelayTopologyDeclarer
{
    public static async Task DeclareAsync(IChannel channel, DelayTopology topology, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(topology);

        foreach (var exchange in topology.Exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange.Name, exchange.Type, durable: true, autoDelete: false,
                Copy(exchange.Arguments), cancellationToken: cancellationToken);
        }

        foreach (var queue in topology.Queues)
        {
            await channel.QueueDeclareAsync(queue.Name, durable: true, exclusive: false, autoDelete: false,
                Copy(queue.Arguments), cancellationToken: cancellationToken);
        }

        foreach (var binding in topology.Bindings)
        {
            if (binding.Target == DelayBindingTarget.Queue)
            {
                await channel.QueueBindAsync(binding.Destination, binding.Source, binding.RoutingKey,
                    cancellationToken: cancellationToken);
            }
            else
            {
                await channel.ExchangeBindAsync(binding.Destination, binding.Source, binding.RoutingKey,
                    cancellationToken: cancellationToken);
            }
        }
    }

    static Dictionary<string, object?> Copy(IReadOnlyDictionary<string, object> arguments) =>
        arguments.ToDictionary(pair => pair.Key, pair => (object?)pair.Value);
}
