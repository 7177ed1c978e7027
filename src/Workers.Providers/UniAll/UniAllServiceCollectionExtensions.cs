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
    /// <summary>Registers the UniAll client, its image adapter and task reader, bound to <c>Providers:UniAll</c>.</summary>
    public static IServiceCollection AddUniAll(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UniAllOptions>()
            .Bind(configuration.GetSection(UniAllOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Http is not null && o.Polling is not null && o.Prices is not null, "Http, Polling and Prices are required")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient<UniAllClient>((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<UniAllOptions>>().Value;
                http.BaseAddress = new Uri(options.BaseUrl.TrimEnd('/') + "/");
                // The pipeline's own timeouts govern; HttpClient's must not cut it short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new ResilienceHandler(ProviderResiliencePipeline.Create(
                sp.GetRequiredService<IOptions<UniAllOptions>>().Value.Http, sp.GetRequiredService<TimeProvider>())));
        // Transient like the typed client they wrap, so the factory can rotate its handlers.
        services.AddTransient<IGenerationProvider<GenerateImage>, UniAllImageProvider>();
        services.AddTransient<IProviderTaskReader, UniAllTaskReader>();
        return services;
    }
}
