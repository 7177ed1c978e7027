using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Workers.Components.Callbacks;

/// <summary>The <c>callbacks</c> role: <c>POST /callbacks/{provider}/{requestId}/{token}</c>.</summary>
public static class CallbackEndpoints
{
    /// <summary>Maps the callback endpoint when this process has the <c>callbacks</c> role.</summary>
    public static IEndpointRouteBuilder MapGenerationCallbacks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<FleetOptions>>().Value.Has(FleetRoles.Callbacks))
        {
            endpoints.MapPost("/callbacks/{provider}/{requestId}/{token}", HandleAsync);
        }

        return endpoints;
    }

    private static async Task<IResult> HandleAsync(string provider, string requestId, string token, HttpRequest request,
        CallbackHandler handler, IOptions<CallbackOptions> options, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, options.Value.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var answer = await handler.HandleAsync(provider, requestId, token, headers, body, cancellationToken).ConfigureAwait(false);
        return answer.Json is null
            ? TypedResults.StatusCode(answer.StatusCode)
            : TypedResults.Text(answer.Json, "application/json", Encoding.UTF8, answer.StatusCode);
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            await buffer.WriteAsync(chunk.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        return buffer.ToArray();
    }

    internal static bool TokenMatches(string? expected, string presented) =>
        expected is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(presented));
}
