using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Workers.IntegrationTests.Infrastructure;

/// <summary>The few calls of RabbitMQ's management HTTP API that tests need.</summary>
public sealed class RabbitMqManagementClient : IDisposable
{
    readonly HttpClient _http;

    public RabbitMqManagementClient(RabbitMqTestSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);

        _http = new HttpClient { BaseAddress = new Uri(settings.ManagementUri, "api/"), Timeout = TimeSpan.FromSeconds(30) };
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.ManagementUsername}:{settings.ManagementPassword}"));
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
    }

    public Task CreateVirtualHostAsync(string virtualHost, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"vhosts/{Escape(virtualHost)}", new { }, cancellationToken);

    public Task GrantAllPermissionsAsync(string virtualHost, string user, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, $"permissions/{Escape(virtualHost)}/{Escape(user)}",
            new { configure = ".*", write = ".*", read = ".*" }, cancellationToken);

    public async Task DeleteVirtualHostAsync(string virtualHost, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri($"vhosts/{Escape(virtualHost)}", UriKind.Relative), cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
            await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>Every queue of the virtual host, as the management API describes it.</summary>
    public Task<JsonElement> GetQueuesAsync(string virtualHost, CancellationToken cancellationToken) =>
        GetAsync($"queues/{Escape(virtualHost)}", cancellationToken);

    public Task<JsonElement> GetQueueAsync(string virtualHost, string queue, CancellationToken cancellationToken) =>
        GetAsync($"queues/{Escape(virtualHost)}/{Escape(queue)}", cancellationToken);

    public Task<JsonElement> GetExchangeAsync(string virtualHost, string exchange, CancellationToken cancellationToken) =>
        GetAsync($"exchanges/{Escape(virtualHost)}/{Escape(exchange)}", cancellationToken);

    /// <summary>The bindings whose source is <paramref name="exchange"/>.</summary>
    public Task<JsonElement> GetBindingsFromAsync(string virtualHost, string exchange, CancellationToken cancellationToken) =>
        GetAsync($"exchanges/{Escape(virtualHost)}/{Escape(exchange)}/bindings/source", cancellationToken);

    /// <summary>
    /// Publishes a plain JSON message through the management API, as a producer in any language (or curl) would;
    /// true when the broker routed it to at least one queue.
    /// </summary>
    public async Task<bool> PublishJsonAsync(string virtualHost, string exchange, string routingKey, string json, CancellationToken cancellationToken,
        string contentType = "application/json")
    {
        var body = new
        {
            properties = new { content_type = contentType, delivery_mode = 2 },
            routing_key = routingKey,
            payload = json,
            payload_encoding = "string",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"exchanges/{Escape(virtualHost)}/{Escape(exchange)}/publish", UriKind.Relative))
        {
            Content = JsonContent.Create(body),
        };
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return answer.GetProperty("routed").GetBoolean();
    }

    /// <summary>Drops every message of a queue, as an operator's purge (or a lost broker disk) would.</summary>
    public async Task PurgeQueueAsync(string virtualHost, string queue, CancellationToken cancellationToken)
    {
        using var response = await _http.DeleteAsync(new Uri($"queues/{Escape(virtualHost)}/{Escape(queue)}/contents", UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="count"/> messages of a queue, left in it (each is delivered and requeued once, so call it
    /// sparingly on quorum queues, which count deliveries).
    /// </summary>
    public async Task<JsonElement> PeekMessagesAsync(string virtualHost, string queue, int count, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"queues/{Escape(virtualHost)}/{Escape(queue)}/get", UriKind.Relative))
        {
            Content = JsonContent.Create(new { count, ackmode = "ack_requeue_true", encoding = "auto", truncate = 4_000_000 }),
        };
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(new Uri(path, UriKind.Relative), cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }

    async Task SendAsync(HttpMethod method, string path, object body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        using var response = await _http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
            return;

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        throw new HttpRequestException(
            $"RabbitMQ management API {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered "
            + $"{(int)response.StatusCode}: {body}", null, response.StatusCode);
    }

    static string Escape(string segment) => Uri.EscapeDataString(segment);
}
