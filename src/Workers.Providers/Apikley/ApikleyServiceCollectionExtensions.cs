using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Apikley;

public static class ApikleyServiceCollectionExtensions
{
    /// <summary>Apikley in the <see cref="ProviderCatalog"/>: videos.</summary>
    public static readonly ProviderRegistration Registration =
        new(ProviderNames.Apikley, [GenerationKinds.Video], (services, configuration) => services.AddApikley(configuration));

    /// <summary>Registers the Apikley client, its video adapter, task reader and callback receiver, bound to <c>Providers:Apikley</c>.</summary>
    public static IServiceCollection AddApikley(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApikleyOptions>()
            .Bind(configuration.GetSection(ApikleyOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Http is not null && o.Polling is not null && o.SubmitRetry is not null, "Http, Polling and SubmitRetry are required")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddPublicAddressGuard(configuration);
        services.AddProviderApi<IApikleyApi>(ApikleyJsonContext.Default, sp =>
        {
            var options = sp.GetRequiredService<IOptions<ApikleyOptions>>().Value;
            return (options.BaseUrl, options.Http);
        });
        services.TryAddTransient<ApikleyClient>();
        services.AddTransient<IGenerationProvider<GenerateVideo>, ApikleyVideoProvider>();
        services.AddTransient<IProviderTaskReader, ApikleyTaskReader>();
        services.AddTransient<IProviderCallbackReceiver, ApikleyCallbackReceiver>();
        return services;
    }
}
