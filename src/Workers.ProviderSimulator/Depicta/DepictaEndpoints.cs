using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Workers.ProviderSimulator.Files;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>Registers and maps the simulated Depicta story API (seed 002, docs/PROVIDERS.md §4), served at the root.</summary>
public static class DepictaEndpoints
{
    public static IServiceCollection AddDepicta(this IServiceCollection services)
    {
        services.AddSingleton<DepictaJobStore>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<DepictaJobStore>());
        services.AddSingleton<DepictaWallet>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<DepictaWallet>());
        services.AddSingleton<DepictaConcurrencyGate>();
        services.AddSingleton<ISimulatedFileSource, DepictaFileSource>();
        services.AddSingleton<DepictaSubmitHandler>();
        services.AddSingleton<DepictaQueryHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapDepicta(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(
            "/v1/generate/story",
            (HttpContext context, DepictaSubmitHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(context, cancellationToken));

        // The API reference polls /v1/jobs/{id}; the Stories guide's poll_url is /v1/generate/story/{id}. Both work.
        endpoints.MapGet(
            "/v1/jobs/{id}",
            (HttpContext context, string id, DepictaQueryHandler handler, CancellationToken cancellationToken) =>
                handler.PollAsync(context, id, cancellationToken));
        endpoints.MapGet(
            "/v1/generate/story/{id}",
            (HttpContext context, string id, DepictaQueryHandler handler, CancellationToken cancellationToken) =>
                handler.PollAsync(context, id, cancellationToken));
        endpoints.MapGet(
            "/v1/jobs",
            (HttpContext context, [FromQuery] int? limit, DepictaQueryHandler handler, CancellationToken cancellationToken) =>
                handler.ListAsync(context, limit, cancellationToken));

        endpoints.MapGet("/v1/models", DepictaCatalogue.ListModels);
        endpoints.MapGet("/v1/pricing", DepictaCatalogue.Pricing);
        endpoints.MapGet("/v1/openapi.json", DepictaCatalogue.OpenApi);
        endpoints.MapGet("/health", () => Results.Json(new { status = "ok" }));
        return endpoints;
    }

    /// <summary>
    /// The <c>poll_url</c> of a job: absolute on the host the caller used (the API reference), or relative to the
    /// base URL (the Stories guide), as <see cref="DepictaOptions.PollUrlStyle"/> says.
    /// </summary>
    internal static string PollUrl(HttpRequest request, string jobId, DepictaPollUrlStyle style) => style == DepictaPollUrlStyle.Relative
        ? $"/v1/generate/story/{jobId}"
        : string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host}{request.PathBase}/v1/jobs/{jobId}");
}
