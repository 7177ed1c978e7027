using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.TopView;

public static class TopViewServiceCollectionExtensions
{
    /// <summary>TopView in the <see cref="ProviderCatalog"/>: storyboards and videos from one client.</summary>
    public static readonly ProviderRegistration Registration =
        new(ProviderNames.TopView, [GenerationKinds.Storyboard, GenerationKinds.Video], (services, configuration) => services.AddTopView(configuration));

    /// <summary>
    /// Registers the TopView client, its storyboard and video adapters, the reference uploader with its two plain HTTP
    /// clients, the task reader and the callback receiver, bound to <c>Providers:TopView</c>.
    /// </summary>
    public static IServiceCollection AddTopView(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TopViewOptions>()
            .Bind(configuration.GetSection(TopViewOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.Http is not null && o.SubmitRetry is not null && o.StoryboardPolling is not null && o.VideoPolling is not null,
                "Http, SubmitRetry, StoryboardPolling and VideoPolling are required")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddPublicAddressGuard(configuration);
        services.AddProviderApi<ITopViewApi>(TopViewJsonContext.Default, sp =>
        {
            var options = sp.GetRequiredService<IOptions<TopViewOptions>>().Value;
            return (options.BaseUrl, options.Http);
        });
        // Plain clients: the downloads go to the references' owners and the PUT to a presigned URL, neither of which
        // may see TopView's uid and key. Each call sets its own time limit from the options. The downloads connect
        // only to public addresses (or the allow-list), checked at connect time.
        services.AddHttpClient(TopViewReferenceUploader.DownloadClient, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<PublicAddressGuard>().CreateHandler());
        services.AddHttpClient(TopViewReferenceUploader.UploadClient, http => http.Timeout = Timeout.InfiniteTimeSpan);
        services.TryAddTransient<TopViewClient>();
        services.TryAddTransient<TopViewReferenceUploader>();
        services.AddTransient<IGenerationProvider<GenerateStoryboard>, TopViewStoryboardProvider>();
        services.AddTransient<IGenerationProvider<GenerateVideo>, TopViewVideoProvider>();
        services.AddTransient<IProviderTaskReader, TopViewTaskReader>();
        services.AddTransient<IProviderCallbackReceiver, TopViewCallbackReceiver>();
        return services;
    }
}
