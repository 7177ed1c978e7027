using System.Net;
using static Workers.ProviderSimulator.Tests.Depicta.DepictaCalls;

namespace Workers.ProviderSimulator.Tests.Depicta;

/// <summary>docs/PROVIDERS.md §4.5: more than 10 concurrent requests of one key get 429 <c>rate_limited</c> with Retry-After.</summary>
public sealed class DepictaConcurrencyLimitTests
{
    private const int Limit = 10;

    [Fact]
    public async Task Requests_BeyondTenInFlightPerKey_Get429_OtherKeysAreNotLimited_AndFreedPermitsAreReused()
    {
        await using var host = await SimulatorHost.StartAsync();
        // Ten slow submissions hold the key's ten permits; the script is gone once all ten are inside.
        await host.Control.AddScriptAsync(Script() with { Count = Limit, SubmitLatencyMs = 30_000 });
        using var slowCalls = new CancellationTokenSource();
        var slow = Enumerable.Range(0, Limit).Select(_ => CallAsync(host, slowCalls.Token)).ToList();
        await WaitUntilAsync(async () => (await host.Control.GetScriptsAsync()).Count == 0);

        using var eleventhSubmit = await host.SubmitAsync(Story());
        using var eleventhPoll = await host.GetAsync("/v1/jobs");
        using var eleventhModels = await host.GetAsync("/v1/models");
        using var otherKey = await host.SubmitAsync(Story(), apiKey: "dpct_other_key");

        await ErrorAsync(eleventhSubmit, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(TimeSpan.FromSeconds(1), eleventhSubmit.Headers.RetryAfter?.Delta);
        await ErrorAsync(eleventhPoll, HttpStatusCode.TooManyRequests, "rate_limited");
        await ErrorAsync(eleventhModels, HttpStatusCode.TooManyRequests, "rate_limited");
        Assert.Equal(HttpStatusCode.Accepted, otherKey.StatusCode);
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.Depicta)).SubmissionsRejected[429]);

        // Callers giving up end their requests, which frees the permits.
        await slowCalls.CancelAsync();
        await Task.WhenAll(slow);
        await WaitUntilAsync(async () =>
        {
            using var response = await host.SubmitAsync(Story());
            return response.StatusCode == HttpStatusCode.Accepted;
        });
    }

    [Fact]
    public async Task Requests_ConcurrentBurst_AcceptsExactlyTheLimit()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script() with { SubmitLatencyMs = 1500 });

        var statuses = await Task.WhenAll(Enumerable.Range(0, Limit + 5).Select(async _ =>
        {
            using var response = await host.SubmitAsync(Story());
            return response.StatusCode;
        }));

        Assert.Equal(Limit, statuses.Count(status => status == HttpStatusCode.Accepted));
        Assert.Equal(5, statuses.Count(status => status == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task Requests_ConfiguredLimit_IsUsed()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Depicta:MaxConcurrentRequests=2", "--Simulator:Depicta:RateLimitRetryAfterSeconds=3"]);
        await host.Control.AddScriptAsync(Script() with { SubmitLatencyMs = 1500 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => host.SubmitAsync(Story())));

        Assert.Equal(2, responses.Count(response => response.StatusCode == HttpStatusCode.Accepted));
        Assert.All(
            responses.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests),
            response => Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter?.Delta));
        Assert.Equal(2, responses.Count(response => response.StatusCode == HttpStatusCode.TooManyRequests));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static async Task CallAsync(SimulatorHost host, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await host.SubmitAsync(Story(), cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Expected: the test cancels these calls to free their permits.
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!await condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
