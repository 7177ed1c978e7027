using System.Net;
using Workers.Providers.Http;

namespace Workers.Providers.Tests.Http;

/// <summary>The one rule a paid API needs from its retry policy: a call that may have arrived is never sent twice.</summary>
public sealed class ProviderResiliencePipelineTests
{
    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Post_AnsweredWithAnError_IsSentOnce(HttpStatusCode status)
    {
        var provider = new CountingHandler(_ => Task.FromResult(new HttpResponseMessage(status)));
        using var http = Client(provider);

        using var response = await http.PostAsync("tasks", new StringContent("{}"));

        Assert.Equal((status, 1), (response.StatusCode, provider.Calls));
    }

    [Fact]
    public async Task Post_ThatTimesOut_IsSentOnceAndReportedAsATimeout()
    {
        var provider = new CountingHandler(async ct =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), ct);
            return new HttpResponseMessage(HttpStatusCode.OK);
        });
        using var http = Client(provider, attemptTimeoutSeconds: 1);

        var failure = await Record.ExceptionAsync(() => http.PostAsync("tasks", new StringContent("{}")));

        Assert.True(ProviderFailures.IsTransport(failure!), failure?.GetType().Name);
        Assert.Equal(1, provider.Calls);
    }

    [Fact]
    public async Task Post_WhoseConnectionWasRefused_IsRetriedBecauseNothingWasSent()
    {
        var provider = new CountingHandler(_ => provider0Calls++ == 0
            ? throw new HttpRequestException(HttpRequestError.ConnectionError, "refused")
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)));
        using var http = Client(provider);

        using var response = await http.PostAsync("tasks", new StringContent("{}"));

        Assert.Equal((HttpStatusCode.OK, 2), (response.StatusCode, provider.Calls));
    }

    [Fact]
    public async Task Get_AnsweredWithAServerError_IsRetried()
    {
        var provider = new CountingHandler(_ => Task.FromResult(new HttpResponseMessage(provider1Calls++ == 0 ? HttpStatusCode.BadGateway : HttpStatusCode.OK)));
        using var http = Client(provider);

        using var response = await http.GetAsync("tasks/1");

        Assert.Equal((HttpStatusCode.OK, 2), (response.StatusCode, provider.Calls));
    }

    private int provider0Calls;
    private int provider1Calls;

    private static HttpClient Client(HttpMessageHandler provider, int attemptTimeoutSeconds = 30)
    {
        var options = new ProviderHttpOptions { AttemptTimeoutSeconds = attemptTimeoutSeconds, RetryBaseDelayMilliseconds = 10, MaxRetries = 2 };
        var resilience = new ResilienceHandler(ProviderResiliencePipeline.Create(options, TimeProvider.System)) { InnerHandler = provider };
        return new HttpClient(resilience) { BaseAddress = new Uri("http://provider.test/") };
    }

    private sealed class CountingHandler(Func<CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        private int calls;

        public int Calls => calls;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            return answer(cancellationToken);
        }
    }
}
