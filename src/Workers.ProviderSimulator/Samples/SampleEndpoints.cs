using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Samples;

/// <summary>
/// Serves the sample reference images (<c>GET /_samples/reference-{n}.png</c>, n = 1…16) without auth: stable public
/// URLs that local stacks and README examples hand to the fleet as reference images.
/// </summary>
public static class SampleEndpoints
{
    public const string Prefix = "/_samples";

    // The bytes never change within a process, so clients and proxies may keep them; an hour matches the file links.
    private const string CacheControl = "public, max-age=3600";

    public static IServiceCollection AddSimulatorSamples(this IServiceCollection services)
    {
        services.AddSingleton<SampleImages>();
        return services;
    }

    public static IEndpointRouteBuilder MapSimulatorSamples(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Prefix + "/reference-{n:int}.png", Reference).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Reference(int n, SampleImages samples, HttpResponse response)
    {
        if (samples.Find(n) is not { } bytes)
        {
            return Results.Text(
                $"No such sample: reference-1.png … reference-{SampleImages.Count}.png.",
                statusCode: StatusCodes.Status404NotFound);
        }

        response.Headers.CacheControl = CacheControl;
        return Results.File(bytes, PlaceholderImage.ContentType(ImageFormat.Png));
    }
}
