using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Files;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>Registers and maps the simulated UniAll API (seed 004, docs/PROVIDERS.md §5).</summary>
public static class UniAllEndpoints
{
    /// <summary>
    /// Path prefix under which UniAll is also served. UniAll's base URL is configurable, and another provider
    /// (Depicta) has its own <c>/v1/models</c>, so the fleet can point at <c>…/uniall</c> and never collide.
    /// </summary>
    public const string PathPrefix = "/uniall";

    // A fixed creation time keeps /v1/models stable (the seed page is dated 2026-04-29).
    private static readonly long ModelsCreatedUnixSeconds = new DateTimeOffset(2026, 4, 29, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    public static IServiceCollection AddUniAll(this IServiceCollection services)
    {
        services.AddSingleton<UniAllTaskStore>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<UniAllTaskStore>());
        services.AddSingleton<ISimulatedFileSource, UniAllFileSource>();
        services.AddSingleton<UniAllRateLimiter>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<UniAllRateLimiter>());
        services.AddSingleton<UniAllSubmitHandler>();
        services.AddSingleton<UniAllQueryHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapUniAll(this IEndpointRouteBuilder endpoints)
    {
        MapRoutes(endpoints);
        var prefixed = endpoints.MapGroup(PathPrefix);
        MapRoutes(prefixed);

        // Only under the prefix: the root /v1/models is Depicta's.
        prefixed.MapGet("/v1/models", ListModels);
        return endpoints;
    }

    private static void MapRoutes(IEndpointRouteBuilder routes)
    {
        routes.MapPost(
            "/v1/images/tasks",
            (HttpContext context, UniAllSubmitHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(context, cancellationToken));

        routes.MapGet(
            "/v1/images/tasks/{task_id}",
            (HttpContext context, [FromRoute(Name = "task_id")] string taskId, UniAllQueryHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(context, taskId, cancellationToken));
    }

    private static IResult ListModels(HttpRequest request, IOptions<SimulatorOptions> options)
    {
        if (UniAllAuth.Account(request, options) is null)
        {
            return UniAllError.Unauthorized().ToResult();
        }

        var models = UniAllModels.All
            .Select(model => new UniAllModelEntry(model.Id, "model", ModelsCreatedUnixSeconds, "uniall"))
            .ToList();
        return Results.Json(new UniAllModelList("list", models));
    }
}
