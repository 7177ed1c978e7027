using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Refit;

namespace Workers.Providers.Http;

/// <summary>Registers a provider's Refit interface the same way for every provider.</summary>
public static class ProviderApiRegistration
{
    /// <summary>
    /// Adds <typeparamref name="TApi"/> as a generated Refit client on <paramref name="json"/>, with its base URL and
    /// one resilience pipeline built from the provider's options.
    /// </summary>
    public static IHttpClientBuilder AddProviderApi<TApi>(this IServiceCollection services, JsonSerializerContext json,
        Func<IServiceProvider, (string BaseUrl, ProviderHttpOptions Http)> settings)
        where TApi : class
    {
        ArgumentNullException.ThrowIfNull(settings);
        return services.AddRefitGeneratedClient<TApi>(json, _ => RefitSettings.ForJsonContext(json))
            .ConfigureHttpClient((sp, http) =>
            {
                http.BaseAddress = new Uri(settings(sp).BaseUrl.TrimEnd('/') + "/");
                // The pipeline's own timeouts govern; HttpClient's must not cut it short.
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(sp => new ResilienceHandler(
                ProviderResiliencePipeline.Create(settings(sp).Http, sp.GetRequiredService<TimeProvider>())));
    }
}
