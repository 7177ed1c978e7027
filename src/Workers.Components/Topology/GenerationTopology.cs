using MassTransit;
using RabbitMQ.Client;
using Workers.Contracts;

namespace Workers.Components.Topology;

/// <summary>
/// The broker topology producers and the fleet share: one direct exchange per command, routed by provider
/// name, with the unroutable queue as alternate exchange; one fanout exchange per event.
/// </summary>
public static class GenerationTopology
{
    public const string GenerateImageExchange = "generate-image";
    public const string GenerateVideoExchange = "generate-video";
    public const string GenerateStoryboardExchange = "generate-storyboard";
    public const string CancelGenerationExchange = "cancel-generation";

    /// <summary>Applies the shared topology to a bus (the fleet's, or a .NET producer's).</summary>
    public static void ConfigureGenerationTopology(this IRabbitMqBusFactoryConfigurator cfg)
    {
        ArgumentNullException.ThrowIfNull(cfg);
        Command<GenerateImage>(cfg, GenerateImageExchange);
        Command<GenerateVideo>(cfg, GenerateVideoExchange);
        Command<GenerateStoryboard>(cfg, GenerateStoryboardExchange);
        cfg.Publish<IGenerationCommand>(p => p.Exclude = true);
        cfg.Message<CancelGeneration>(m => m.SetEntityName(CancelGenerationExchange));
        cfg.Message<GenerationAccepted>(m => m.SetEntityName("generation-accepted"));
        cfg.Message<GenerationProgressed>(m => m.SetEntityName("generation-progressed"));
        cfg.Message<GenerationCompleted>(m => m.SetEntityName("generation-completed"));
        cfg.Message<GenerationFailed>(m => m.SetEntityName("generation-failed"));
        cfg.Message<GenerationCommandRefused>(m => m.SetEntityName("generation-command-refused"));
    }

    /// <summary>Binds a submit endpoint to its command exchange for one provider.</summary>
    public static void BindCommand<TCommand>(this IRabbitMqReceiveEndpointConfigurator endpoint, string provider)
        where TCommand : class, IGenerationCommand
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        endpoint.ConfigureConsumeTopology = false;
        endpoint.Bind<TCommand>(b =>
        {
            b.ExchangeType = ExchangeType.Direct;
            b.RoutingKey = provider;
        });
    }

    private static void Command<TCommand>(IRabbitMqBusFactoryConfigurator cfg, string exchange)
        where TCommand : class, IGenerationCommand
    {
        cfg.Message<TCommand>(m => m.SetEntityName(exchange));
        cfg.Publish<TCommand>(p =>
        {
            p.ExchangeType = ExchangeType.Direct;
            // Nothing published is dropped: a provider nobody serves lands in the unroutable queue and is failed there.
            p.AlternateExchange = QueueNames.Unroutable;
        });
        cfg.Send<TCommand>(s => s.UseRoutingKeyFormatter(c => c.Message.Provider ?? ""));
    }
}
