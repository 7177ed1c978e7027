using MassTransit;
using Microsoft.Extensions.Options;

namespace Workers.Components.Polling;

/// <summary>Poll endpoints: many short GETs in parallel; each message is cheap and idempotent.</summary>
public sealed class PollProviderTaskConsumerDefinition(IOptions<FleetOptions> fleet) : ConsumerDefinition<PollProviderTaskConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PollProviderTaskConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.ConcurrentMessageLimit = fleet.Value.PollConcurrency;
        endpointConfigurator.PrefetchCount = fleet.Value.PollConcurrency;
    }
}
