using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Depicta;

public static class DepictaServiceCollectionExtensions
{
    /// <summary>Depicta in the <see cref="ProviderCatalog"/>: multi-scene stories.</summary>
    public static readonly ProviderRegistration Registration =
        new(ProviderNames.Depicta, [GenerationKinds.Storyboard], (services, configuration) => services.AddDepicta(configuration));

    /// <summary>Registers the Depicta client, its story adapter and task reader, bound to <c>Providers:Depicta</c>.</summary>
    public static IServiceCollection AddDepicta(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DepictaOptions>()
            .Bind(configuration.GetSection(DepictaOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Http is not null && o.Polling is not null && o.SubmitRetry is not null, "Http, Polling and SubmitRetry are required")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddPublicAddressGuard(configuration);
        services.AddProviderApi<IDepictaApi>(DepictaJsonContext.Default, sp =>
        {
            var options = sp.GetRequiredService<IOptions<DepictaOptions>>().Value;
            return (options.BaseUrl, options.Http);
        });
        services.TryAddTransient<DepictaClient>();
        services.AddTransient<IGenerationProvider<GenerateStoryboard>, DepictaStoryProvider>();
        services.AddTransient<IProviderTaskReader, DepictaTaskReader>();
        return services;
    }
}
