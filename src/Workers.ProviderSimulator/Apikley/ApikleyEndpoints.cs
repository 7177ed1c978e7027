using Workers.ProviderSimulator.Files;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>Registers and maps the simulated Apikley API (seed 001, docs/PROVIDERS.md §3) at its documented paths.</summary>
public static class ApikleyEndpoints
{
    public const string CreateTaskPath = "/api/v1/jobs/createTask";
    public const string RecordInfoPath = "/api/v1/jobs/recordInfo";

    /// <summary>[FACT] The upload host is <c>https://api.apikley.ru/file-upload</c>, so uploads live under this prefix.</summary>
    public const string UploadPrefix = "/file-upload";

    public static IServiceCollection AddApikley(this IServiceCollection services)
    {
        services.AddSingleton<ApikleyTaskStore>();
        services.AddSingleton<ApikleyAccounts>();
        services.AddSingleton<ApikleyRateLimiter>();
        services.AddSingleton<ApikleyUploadStore>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<ApikleyTaskStore>());
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<ApikleyAccounts>());
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<ApikleyRateLimiter>());
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<ApikleyUploadStore>());
        services.AddSingleton<ISimulatedFileSource, ApikleyFileSource>();
        services.AddSingleton<ApikleyRecords>();
        services.AddSingleton<ApikleyCallbacks>();
        services.AddSingleton<ApikleyCreateHandler>();
        services.AddSingleton<ApikleyQueryHandler>();
        services.AddSingleton<ApikleyCommonHandler>();
        services.AddSingleton<ApikleyUploadHandler>();
        // The upload's own timeout (ApikleyOptions.UrlUploadTimeout) bounds each fetch.
        services.AddHttpClient(ApikleyUploadHandler.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }

    public static IEndpointRouteBuilder MapApikley(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(
            CreateTaskPath,
            (HttpContext context, ApikleyCreateHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(context, cancellationToken));

        endpoints.MapGet(
            RecordInfoPath,
            (HttpContext context, string? taskId, ApikleyQueryHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(context, taskId, cancellationToken));

        endpoints.MapGet("/api/v1/chat/credit", (HttpRequest request, ApikleyCommonHandler handler) => handler.Credits(request));

        endpoints.MapPost(
            "/api/v1/common/download-url",
            (HttpRequest request, ApikleyCommonHandler.DownloadUrlRequest? body, ApikleyCommonHandler handler) =>
                handler.DownloadUrl(request, body));

        var uploads = endpoints.MapGroup(UploadPrefix);
        uploads.MapPost(
            "/api/file-stream-upload",
            (HttpContext context, ApikleyUploadHandler handler, CancellationToken cancellationToken) =>
                handler.StreamAsync(context, cancellationToken))
            .DisableAntiforgery();
        uploads.MapPost(
            "/api/file-url-upload",
            (HttpContext context, ApikleyUploadHandler handler, CancellationToken cancellationToken) =>
                handler.UrlAsync(context, cancellationToken));
        uploads.MapPost(
            "/api/file-base64-upload",
            (HttpContext context, ApikleyUploadHandler handler, CancellationToken cancellationToken) =>
                handler.Base64Async(context, cancellationToken));
        uploads.MapGet("/files/{**path}", (string path, ApikleyUploadHandler handler) => handler.Serve(path))
            .ExcludeFromDescription();
        return endpoints;
    }
}
