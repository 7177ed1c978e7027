using MassTransit;
using Workers.Components.Intake;
using Workers.Contracts;
using Workers.Persistence.Generations;

namespace Workers.Components.Outcomes;

public static class ConsumeContextExtensions
{
    /// <summary>Publishes the final event of an ended row (again, if it was published before: events are at-least-once).</summary>
    public static Task PublishFinal(this ConsumeContext context, GenerationRecord row) => PublishFinal(context, row, context.CancellationToken);

    /// <summary>The same from outside a consumer (the sweeper, the callback endpoint).</summary>
    public static Task PublishFinal(this IPublishEndpoint publisher, GenerationRecord row, CancellationToken cancellationToken) => row.Status switch
    {
        GenerationStatus.Completed => publisher.Publish(GenerationEvents.Completed(row), cancellationToken),
        GenerationStatus.Failed => publisher.Publish(GenerationEvents.Failed(row), cancellationToken),
        _ => Task.CompletedTask,
    };

    /// <summary>Fails a request that has no row (no usable request id or provider), telling the producer why.</summary>
    public static Task PublishRejected(this ConsumeContext context, IGenerationCommand command, string kind, string message) =>
        context.Publish(new GenerationFailed
        {
            RequestId = command.RequestId,
            Kind = kind,
            Provider = command.Provider,
            Model = command.Model,
            Code = GenerationErrorCodes.Validation,
            Message = message,
            // Tags that break the fleet's rules are not echoed: they are the reason they are capped.
            Tags = CommandRules.KeepableTags(command.Tags),
        }, context.CancellationToken);
}
