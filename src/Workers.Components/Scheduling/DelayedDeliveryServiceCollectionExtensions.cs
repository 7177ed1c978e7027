using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Workers.Components.Scheduling;

/// <summary>Registers delayed delivery through the TTL + dead-letter delay levels.</summary>
public static class DelayedDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IDelayedMessageScheduler"/>, the <see cref="DelayLevels"/> and the start-up declaration of the delay
    /// topology, with <see cref="DelayedDeliveryOptions"/> bound from the "DelayedDelivery" section and validated at start.
    /// Needs MassTransit on RabbitMQ (<c>AddMassTransit(x => x.UsingRabbitMq(…))</c>), in any order.
    /// </summary>
    public static IServiceCollection AddDelayedDelivery(this IServiceCollection services,
        Action<DelayedDeliveryOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);

        var options = services.AddOptions<DelayedDeliveryOptions>()
            .BindConfiguration(DelayedDeliveryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (configure is not null)
            options.Configure(configure);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider =>
            new DelayLevels(provider.GetRequiredService<IOptions<DelayedDeliveryOptions>>().Value.MaxLevel));
        services.TryAddSingleton<IDelayedMessageScheduler, DelayedMessageScheduler>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DelayTopologyHostedService>());

        return services;
    }
}
