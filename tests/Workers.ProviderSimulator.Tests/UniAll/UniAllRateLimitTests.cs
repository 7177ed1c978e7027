using System.Net;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.UniAll;

/// <summary>The configurable per-key requests-per-minute limit (docs/PROVIDERS.md §5.4 assumption; off by default).</summary>
public sealed class UniAllRateLimitTests
{
    [Fact]
    public async Task Submit_30ConcurrentOnOneKeyWithLimit10_Accepts10AndRefusesTheRestWith429()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:UniAll:RequestsPerMinute=10"]);

        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => host.SubmitAsync(Gpt())));
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(20, refused.Count);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        Assert.Equal("rate_limit_exceeded", (string?)(await ReadJsonAsync(refused[0]))["error"]!["code"]);
        Assert.Equal(10, (await host.Control.GetSubmissionsAsync(SimulatedProviders.UniAll)).Count);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Limit_IsPerKey_AndCountsQueries()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:UniAll:RequestsPerMinute=2"]);

        var taskId = await host.SubmitOkAsync(Gpt());
        using var firstQuery = await host.QueryAsync(taskId);
        using var secondQuery = await host.QueryAsync(taskId);
        using var otherKey = await host.SubmitAsync(Gpt(), apiKey: "sk-another-key");

        Assert.Equal(HttpStatusCode.OK, firstQuery.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, secondQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherKey.StatusCode);
    }

    [Fact]
    public async Task Default_HasNoLimit()
    {
        await using var host = await SimulatorHost.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => host.SubmitAsync(Gpt())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task Reset_StartsTheWindowAfresh()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:UniAll:RequestsPerMinute=1"]);

        await host.SubmitOkAsync(Gpt());
        using var refused = await host.SubmitAsync(Gpt());
        await host.Control.ResetAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        await host.SubmitOkAsync(Gpt());
    }

    [Fact]
    public async Task NegativeLimit_StopsTheStart()
    {
        await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => SimulatorHost.StartAsync(["--Simulator:UniAll:RequestsPerMinute=-1"]));
    }
}
