using MassTransit;
using RabbitMQ.Client;

namespace Workers.Components.Scheduling;

/// <summary>Lets a receive endpoint take messages out of the delay levels.</summary>
public static class DelayedDeliveryEndpointExtensions
{
    /// <summary>
    /// Binds the endpoint's exchange to <see cref="DelayTopologyNames.DeliveryExchange"/> for routing keys ending in its
    /// name, so messages scheduled to it arrive when their delay ends.
    /// </summary>
    /// <remarks>
    /// Reads the endpoint's input address: set Durable, AutoDelete and Exclusive before calling this, or MassTransit
    /// rejects them as changed after use.
    /// </remarks>
    public static void BindDelayedDelivery(this IRabbitMqReceiveEndpointConfigurator configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);

        var destination = new RabbitMqEndpointAddress(configurator.InputAddress, configurator.InputAddress).Name;
        var pattern = DelayLevels.DeliveryBindingPattern(destination);

        configurator.Bind(DelayTopologyNames.DeliveryExchange, binding =>
        {
            // Must equal DelayTopology's declaration exactly, or RabbitMQ answers PRECONDITION_FAILED.
            binding.ExchangeType = ExchangeType.Topic;
            binding.Durable = true;
            binding.AutoDelete = false;
            foreach (var (key, value) in DelayTopology.DeliveryExchangeArguments)
                binding.SetExchangeArgument(key, value);

            binding.RoutingKey = pattern;
        });
    }

    /// <summary>
    /// For consumer definitions, which see the transport-neutral configurator: binds on RabbitMQ, and does nothing on
    /// other transports (the in-memory test harness), where tests replace <see cref="IDelayedMessageScheduler"/>.
    /// </summary>
    public static void BindDelayedDelivery(this IReceiveEndpointConfigurator configurator)
    {
        if (configurator is IRabbitMqReceiveEndpointConfigurator rabbitMq)
            rabbitMq.BindDelayedDelivery();
    }
}
