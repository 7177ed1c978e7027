using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.Components.Intake;
using Workers.Components.Submission;
using Workers.Contracts;

namespace Workers.Components.Routing;

/// <summary>
/// Receives commands that no submit queue took (the command exchanges' alternate exchange): a command without a
/// provider goes on to the configured default; any other ends as <see cref="GenerationFailed"/> with code validation.
/// </summary>
public sealed partial class UnroutableCommandConsumer(IOptions<FleetOptions> fleet, ICommandRejections rejections, ILogger<UnroutableCommandConsumer> logger) :
    IConsumer<GenerateImage>, IConsumer<GenerateVideo>, IConsumer<GenerateStoryboard>
{
    public Task Consume(ConsumeContext<GenerateImage> context) =>
        RouteAsync(context, c => c with { Provider = Default<GenerateImage>() });

    public Task Consume(ConsumeContext<GenerateVideo> context) =>
        RouteAsync(context, c => c with { Provider = Default<GenerateVideo>() });

    public Task Consume(ConsumeContext<GenerateStoryboard> context) =>
        RouteAsync(context, c => c with { Provider = Default<GenerateStoryboard>() });

    private async Task RouteAsync<TCommand>(ConsumeContext<TCommand> context, Func<TCommand, TCommand> withDefault)
        where TCommand : class, IGenerationCommand
    {
        var command = context.Message;
        var kind = CommandKinds.Of<TCommand>();
        if (CommandExchanges.KindOf(context) is { } published && published != kind)
        {
            // Plain JSON can be read as any of the three commands, so each Consume sees it; only the one of the exchange it
            // was published to answers.
            return;
        }

        if (string.IsNullOrEmpty(command.Provider) && Default<TCommand>() is not null)
        {
            // Published again with the provider set: it routes to the default's queue, or comes back here and fails below.
            await context.Publish(withDefault(command), context.CancellationToken).ConfigureAwait(false);
            return;
        }

        var message = string.IsNullOrEmpty(command.Provider)
            ? $"Provider is required: no default {kind} provider is configured."
            : $"Provider '{command.Provider}' is not served for {kind} (known for {kind}: {Known(kind)}).";
        LogUnroutable(command.RequestId, message);
        await rejections.RejectAsync(context, CommandRejection.Of(command, kind, command.Provider ?? "", message)).ConfigureAwait(false);
    }

    private string? Default<TCommand>() where TCommand : IGenerationCommand =>
        fleet.Value.DefaultProviders.GetValueOrDefault(CommandKinds.Of<TCommand>());

    private string Known(string kind) =>
        string.Join(", ", Workers.Providers.ProviderCatalog.All
            .Where(p => p.Kinds.Contains(kind) && fleet.Value.Providers.Contains(p.Name)).Select(p => p.Name)) is { Length: > 0 } names
            ? names
            : "none";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Unroutable command {RequestId}: {Reason}")]
    private partial void LogUnroutable(string requestId, string reason);
}
