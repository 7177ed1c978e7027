using Workers.ProviderSimulator.Ledger;

namespace Workers.ProviderSimulator.Files;

/// <summary>Serves result files behind signed, expiring links (<c>GET /files/{token}/{fileName}</c>).</summary>
public static class FileEndpoints
{
    public static IServiceCollection AddSimulatorFiles(this IServiceCollection services)
    {
        services.AddSingleton<FileSigner>();
        services.AddSingleton<FileLinks>();
        services.AddSingleton<RenderedFileCache>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<RenderedFileCache>());
        return services;
    }

    public static IEndpointRouteBuilder MapSimulatorFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/files/{token}/{fileName}", Download).ExcludeFromDescription();
        return endpoints;
    }

    private static IResult Download(
        string token,
        FileSigner signer,
        IEnumerable<ISimulatedFileSource> sources,
        RenderedFileCache cache,
        CounterBook counters,
        TimeProvider time)
    {
        var now = time.GetUtcNow();
        switch (signer.Verify(token, now, out var address))
        {
            case FileTokenCheck.Forged:
                return Results.Text("Signature does not match.", statusCode: StatusCodes.Status403Forbidden);
            case FileTokenCheck.Expired:
                return Results.Text("Link expired.", statusCode: StatusCodes.Status403Forbidden);
            case FileTokenCheck.Valid:
                break;
        }

        var source = sources.FirstOrDefault(s => string.Equals(s.Provider, address.Provider, StringComparison.Ordinal));
        if (source?.Find(address.TaskId, address.Index, now) is not { } file)
        {
            // A valid signature for a task that is gone (reset) or not finished.
            return Results.Text("No such file.", statusCode: StatusCodes.Status404NotFound);
        }

        var bytes = cache.GetOrRender(address, file);
        counters.Downloaded(address.Provider);
        return Results.File(bytes, file.ContentType);
    }
}
