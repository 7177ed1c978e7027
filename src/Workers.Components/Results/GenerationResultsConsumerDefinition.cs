using MassTransit;
using Microsoft.Extensions.Options;

namespace Workers.Components.Results;

/// <summary>The results endpoint: few at a time, since each message streams whole artifacts.</summary>
public sealed class GenerationResultsConsumerDefinition(IOptions<FleetOptions> fleet) : ConsumerDefinition<GenerationResultsConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<GenerationResultsConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.ConcurrentMessageLimit = fleet.Value.ResultsConcurrency;
        endpointConfigurator.PrefetchCount = fleet.Value.ResultsConcurrency;
    }
}
