using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace Workers.Providers.Http;

/// <summary>Sends a Refit call and reads its answer the same way for every provider.</summary>
public static class ProviderResponses
{
    /// <summary>
    /// Runs <paramref name="call"/>. Throws the classified <see cref="Abstractions.ProviderCallException"/> when it got no
    /// answer at all (no connection, a timeout, an open circuit); otherwise returns the answer, whatever its status.
    /// </summary>
    public static async Task<ProviderResponse<T>> SendAsync<T>(string provider, Func<Task<IApiResponse<T>>> call,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(call);
        IApiResponse<T> response;
        try
        {
            response = await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ProviderFailures.IsTransport(ex))
        {
            throw ProviderFailures.FromTransport(provider, ex);
        }

        using (response)
        {
            if (response.StatusCode is not { } status)
            {
                Exception cause = response.Error?.InnerException ?? (Exception?)response.Error ?? new HttpRequestException("no response");
                throw ProviderFailures.FromTransport(provider, cause);
            }

            var errorContent = (response.Error as ApiException)?.Content;
            using var empty = new HttpResponseMessage();
            return new ProviderResponse<T>(status, response.Headers ?? empty.Headers, response.IsSuccessStatusCode ? response.Content : null, errorContent);
        }
    }

    /// <summary>The status as the three digits providers quote.</summary>
    public static string Digits(HttpStatusCode status) => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static T? Parse<T>(string? json, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A provider's answer: its status, headers, and body (parsed on success; the raw text kept otherwise).</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Headers">The response headers (<c>Retry-After</c>).</param>
/// <param name="Content">The parsed body of a 2xx answer; null when it was not valid JSON of the expected shape.</param>
/// <param name="ErrorContent">The raw body of a non-2xx answer, or of a 2xx answer that could not be parsed.</param>
public sealed record ProviderResponse<T>(HttpStatusCode Status, HttpResponseHeaders Headers, T? Content, string? ErrorContent)
    where T : class
{
    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The body as <typeparamref name="T"/> whatever the status (many providers answer errors in the success envelope).</summary>
    public T? Body(JsonTypeInfo<T> typeInfo) => Content ?? ProviderResponses.Parse(ErrorContent, typeInfo);

    /// <summary>The body read as an error shape of the provider's.</summary>
    public TError? ErrorBody<TError>(JsonTypeInfo<TError> typeInfo)
        where TError : class => ProviderResponses.Parse(ErrorContent, typeInfo);

    public TimeSpan? RetryAfter => ProviderResiliencePipeline.RetryAfter(Headers);
}
