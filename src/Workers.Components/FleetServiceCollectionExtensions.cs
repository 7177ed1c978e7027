using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Workers.Components.Callbacks;
using Workers.Components.Cancellation;
using Workers.Components.Intake;
using Workers.Components.Polling;
using Workers.Components.Results;
using Workers.Components.Routing;
using Workers.Components.Scheduling;
using Workers.Components.Submission;
using Workers.Components.Sweeping;
using Workers.Components.Topology;
using Workers.Contracts;
using Workers.Persistence;
using Workers.Persistence.Generations;
using Workers.Providers;
using Workers.Providers.Http;

namespace Workers.Components;

public static class FleetServiceCollectionExtensions
{
    /// <summary>
    /// Registers the whole fleet from configuration: persistence, the configured providers, the delay
    /// infrastructure, and the MassTransit endpoints of this process's roles.
    /// </summary>
    public static IServiceCollection AddGenerationFleet(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<FleetOptions>().Bind(configuration.GetSection(FleetOptions.SectionName))
            .PostConfigure(o => o.WithDefaults()).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RabbitMqOptions>().Bind(configuration.GetSection(RabbitMqOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CallbackOptions>().Bind(configuration.GetSection(CallbackOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddPublicAddressGuard(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddPersistence(configuration);
        services.AddSingleton<GenerationStore>();
        services.AddSingleton<ICommandRejections, CommandRejections>();
        services.AddSingleton<CommandIntake>();
        services.AddTransient<ProviderTaskReaders>();
        services.AddTransient<CallbackUrls>();
        services.AddTransient<CallbackHandler>();
        services.AddTransient<AcceptedTasks>();
        services.AddOptions<SweeperOptions>().Bind(configuration.GetSection(SweeperOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        var fleet = (configuration.GetSection(FleetOptions.SectionName).Get<FleetOptions>() ?? new FleetOptions()).WithDefaults();
        var served = fleet.Providers.Distinct(StringComparer.Ordinal).Select(name => ProviderCatalog.Find(name)
            ?? throw new OptionsValidationException(FleetOptions.SectionName, typeof(FleetOptions),
                [$"Fleet:Providers names '{name}', which this build does not serve (it serves: {string.Join(", ", ProviderCatalog.All.Select(p => p.Name))})."]))
            .ToList();
        foreach (var provider in served)
        {
            provider.Register(services, configuration);
        }

        if (fleet.Has(FleetRoles.Results))
        {
            // With the results role, which every deployment runs: the sweeper needs no role of its own.
            services.AddHostedService<GenerationSweeper>();
        }

        services.AddArtifactDownloader(configuration);
        services.AddDelayedDelivery();
        // Start: the host is ready only once every queue is bound (a command published earlier would be routed nowhere).
        // Stop: in-flight messages get time to finish; anything unfinished is not acked and comes back to another replica.
        services.AddOptions<MassTransitHostOptions>().Configure<IOptions<FleetOptions>>((o, f) =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(f.Value.ShutdownDrainSeconds);
        });
        services.AddOptions<HostOptions>().Configure<IOptions<FleetOptions>>((o, f) =>
            o.ShutdownTimeout = TimeSpan.FromSeconds(f.Value.ShutdownDrainSeconds + 15));
        services.AddMassTransit(x =>
        {
            // MassTransit would report usage to its vendor over the internet; a fleet has no business doing that.
            x.DisableUsageTelemetry();
            x.AddConsumer<SubmitGenerationConsumer<GenerateImage>, SubmitGenerationConsumerDefinition<GenerateImage>>();
            x.AddConsumer<SubmitGenerationConsumer<GenerateVideo>, SubmitGenerationConsumerDefinition<GenerateVideo>>();
            x.AddConsumer<SubmitGenerationConsumer<GenerateStoryboard>, SubmitGenerationConsumerDefinition<GenerateStoryboard>>();
            x.AddConsumer<RecordProviderTaskConsumer>();
            x.AddConsumer<PollProviderTaskConsumer, PollProviderTaskConsumerDefinition>();
            x.AddConsumer<GenerationResultsConsumer, GenerationResultsConsumerDefinition>();
            x.AddConsumer<UnroutableCommandConsumer>();
            x.AddConsumer<CancelGenerationConsumer>();
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(new Uri(context.GetRequiredService<IOptions<RabbitMqOptions>>().Value.Url));
                cfg.ConfigureGenerationTopology();
                // The command and event exchanges exist from the first start, so a producer can publish before any
                // message has passed (the broker refuses a publish to an exchange nobody declared).
                cfg.DeployPublishTopology = true;
                // Producers in other languages may publish plain JSON (content type application/json) instead of
                // MassTransit's envelope; each queue reads it as the message type its consumer takes.
                cfg.UseRawJsonDeserializer(RawSerializerOptions.AnyMessageType, isDefault: false);
                // Baseline for every endpoint: ride out a database blip; everything else is decided by the consumers.
                cfg.UseMessageRetry(r =>
                {
                    r.Handle<NpgsqlException>(e => e.IsTransient);
                    r.Intervals(200, 1000, 5000);
                });
                ConfigureEndpoints(cfg, context, context.GetRequiredService<IOptions<FleetOptions>>().Value, served);
            });
        });
        return services;
    }

    /// <summary>
    /// The results role's <see cref="ArtifactDownloader"/> and its client (<c>Fleet:Downloads</c>: the Polly pipeline).
    /// Result links come from the providers' answers: the downloads connect only to public addresses (or the
    /// <c>ReferenceUrls:AllowedHosts</c>), checked at connect time, and follow redirects themselves.
    /// </summary>
    public static IServiceCollection AddArtifactDownloader(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddPublicAddressGuard(configuration);
        var downloads = configuration.GetSection("Fleet:Downloads").Get<ProviderHttpOptions>() ?? new ProviderHttpOptions();
        services.AddHttpClient<ArtifactDownloader>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<PublicAddressGuard>().CreateHandler())
            .AddHttpMessageHandler(sp => new ResilienceHandler(ProviderResiliencePipeline.Create(downloads, sp.GetRequiredService<TimeProvider>())));
        return services;
    }

    private static void ConfigureEndpoints(IRabbitMqBusFactoryConfigurator cfg, IBusRegistrationContext context, FleetOptions fleet,
        IReadOnlyList<ProviderRegistration> served)
    {
        if (fleet.Has(FleetRoles.Submit))
        {
            Endpoint(cfg, QueueNames.TaskIds, e => e.ConfigureConsumer<RecordProviderTaskConsumer>(context));
        }

        foreach (var provider in served)
        {
            if (fleet.Has(FleetRoles.Submit))
            {
                foreach (var kind in provider.Kinds)
                {
                    SubmitEndpoint(cfg, context, provider.Name, kind);
                }
            }

            if (fleet.Has(FleetRoles.Poll))
            {
                Endpoint(cfg, QueueNames.Poll(provider.Name), e => e.ConfigureConsumer<PollProviderTaskConsumer>(context));
            }
        }

        if (fleet.Has(FleetRoles.Results))
        {
            Endpoint(cfg, QueueNames.Results, e => e.ConfigureConsumer<GenerationResultsConsumer>(context));
            Endpoint(cfg, QueueNames.Unroutable, e =>
            {
                e.ConfigureConsumeTopology = false;
                // Kind and provider come from the exchange and routing key each command was published with.
                e.UseCommandIntake(context, QueueNames.Unroutable, null, null);
                e.ConfigureConsumer<UnroutableCommandConsumer>(context);
            });
            Endpoint(cfg, QueueNames.Cancel, e => e.ConfigureConsumer<CancelGenerationConsumer>(context));
        }
    }

    private static void SubmitEndpoint(IRabbitMqBusFactoryConfigurator cfg, IBusRegistrationContext context, string provider, string kind)
    {
        switch (kind)
        {
            case GenerationKinds.Image:
                SubmitEndpoint<GenerateImage>(cfg, context, provider, kind);
                break;
            case GenerationKinds.Video:
                SubmitEndpoint<GenerateVideo>(cfg, context, provider, kind);
                break;
            case GenerationKinds.Storyboard:
                SubmitEndpoint<GenerateStoryboard>(cfg, context, provider, kind);
                break;
            default:
                throw new InvalidOperationException($"Provider {provider} names an unknown kind '{kind}'.");
        }
    }

    private static void SubmitEndpoint<TCommand>(IRabbitMqBusFactoryConfigurator cfg, IBusRegistrationContext context, string provider, string kind)
        where TCommand : class, IGenerationCommand =>
        Endpoint(cfg, QueueNames.Submit(provider, kind), e =>
        {
            e.BindCommand<TCommand>(provider);
            // Commands too large, of the wrong JSON types or of another message type are answered before any consumer.
            e.UseCommandIntake(context, QueueNames.Submit(provider, kind), kind, provider);
            e.ConfigureConsumer<SubmitGenerationConsumer<TCommand>>(context);
        });

    private static void Endpoint(IRabbitMqBusFactoryConfigurator cfg, string queue, Action<IRabbitMqReceiveEndpointConfigurator> configure) =>
        cfg.ReceiveEndpoint(queue, e =>
        {
            e.SetQuorumQueue();
            e.BindDelayedDelivery();
            configure(e);
        });
}
