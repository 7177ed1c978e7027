using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.UniAll;

public static class UniAllServiceCollectionExtensions
{
    /// <summary>UniAll in the <see cref="ProviderCatalog"/>: images.</summary>
    public static readonly ProviderRegistration Registration =
        new(ProviderNames.UniAll, [GenerationKinds.Image], (services, configuration) => services.AddUniAll(configuration));

    /// <summary>Registers the UniAll client, its image adapter and task reader, bound to <c>Providers:UniAll</c>.</summary>
    public static IServiceCollection AddUniAll(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UniAllOptions>()
            .Bind(configuration.GetSection(UniAllOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Http is not null && o.Polling is not null && o.Prices is not null, "Http, Polling and Prices are required")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddPublicAddressGuard(configuration);
        services.AddProviderApi<IUniAllApi>(UniAllJsonContext.Default, sp =>
        {
            var options = sp.GetRequiredService<IOptions<UniAllOptions>>().Value;
            return (options.BaseUrl, options.Http);
        });
        services.TryAddTransient<UniAllClient>();
        services.AddTransient<IGenerationProvider<GenerateImage>, UniAllImageProvider>();
        services.AddTransient<IProviderTaskReader, UniAllTaskReader>();
        return services;
    }
}
