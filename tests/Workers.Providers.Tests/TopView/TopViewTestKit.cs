using System.Net;
using System.Net.Http.Headers;

namespace Workers.Providers.Tests.TopView;

/// <summary>Named plain clients over test handlers.</summary>
internal sealed class NamedHttpClients(IReadOnlyDictionary<string, HttpMessageHandler> handlers) : IHttpClientFactory
{
    public HttpClient CreateClient(string name) => new(handlers[name], disposeHandler: false);
}

/// <summary>Counts requests by path before passing them on.</summary>
internal sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly Dictionary<string, int> counts = new(StringComparer.Ordinal);

    /// <summary>Every request, in order.</summary>
    public List<HttpRequestMessage> Seen { get; } = [];

    public int Count(string path)
    {
        lock (counts)
        {
            return counts.GetValueOrDefault(path);
        }
    }

    /// <summary>Requests whose path starts with <paramref name="prefix"/>.</summary>
    public int CountStartingWith(string prefix)
    {
        lock (counts)
        {
            return counts.Where(c => c.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(c => c.Value);
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (counts)
        {
            var path = request.RequestUri!.AbsolutePath;
            counts[path] = counts.GetValueOrDefault(path) + 1;
            Seen.Add(request);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Answers every request with what <paramref name="answer"/> says; records what it got.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        var response = answer(request);
        response.RequestMessage ??= request;
        return Task.FromResult(response);
    }
}

/// <summary>Reference images served by the test itself: the simulator cannot serve anything at a caller's URL.</summary>
internal static class ReferenceImages
{
    public const string Host = "https://refs.example";

    /// <summary>A valid 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static StubHandler Handler() => new(request => request.RequestUri!.AbsolutePath switch
    {
        "/missing.png" => new HttpResponseMessage(HttpStatusCode.NotFound),
        "/busy.png" => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable),
        "/page.png" => Content("<html>not here</html>"u8.ToArray(), "text/html"),
        "/huge.png" => Content([.. Png, .. new byte[2 * 1024 * 1024]], "image/png"),
        "/photo" => Content(Png, "application/octet-stream"),
        "/moved.png" => Redirect("/cat.png"),
        "/to-private.png" => Redirect("https://10.0.0.1/cat.png"),
        "/to-plain-http.png" => Redirect("http://refs.example/cat.png"),
        "/loop.png" => Redirect("/loop.png"),
        _ => Content(Png, "image/png"),
    });

    private static HttpResponseMessage Redirect(string location)
    {
        var response = new HttpResponseMessage(HttpStatusCode.Found);
        response.Headers.Location = new Uri(location, UriKind.RelativeOrAbsolute);
        return response;
    }

    private static HttpResponseMessage Content(byte[] bytes, string type)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
