using MassTransit;
using Microsoft.Extensions.Options;
using Workers.Contracts;

namespace Workers.Components.Submission;

/// <summary>Submit endpoints: bounded concurrency per replica (each message is one paid HTTP call).</summary>
public sealed class SubmitGenerationConsumerDefinition<TCommand>(IOptions<FleetOptions> fleet)
    : ConsumerDefinition<SubmitGenerationConsumer<TCommand>>
    where TCommand : class, IGenerationCommand
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<SubmitGenerationConsumer<TCommand>> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        endpointConfigurator.ConcurrentMessageLimit = fleet.Value.SubmitConcurrency;
        endpointConfigurator.PrefetchCount = fleet.Value.SubmitConcurrency;
    }
}
