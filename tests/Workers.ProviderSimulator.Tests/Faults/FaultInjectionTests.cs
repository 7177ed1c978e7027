using System.Net;
using System.Net.Http.Json;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Tests.UniAll;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.Faults;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task ErrorRateOne_OnSubmit_AnswersTheStatusWithRetryAfter_AndCreatesNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.SetFaultsAsync(new FaultInjection
        {
            Provider = SimulatedProviders.UniAll,
            ErrorRate = 1,
            Statuses = [503],
            RetryAfterSeconds = 4,
            Target = FaultTarget.Submit,
        });

        using var first = await host.SubmitAsync(Gpt());
        using var second = await host.SubmitAsync(Gpt());
        var counters = await host.Control.GetCountersAsync(SimulatedProviders.UniAll);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(4), first.Headers.RetryAfter?.Delta);
        Assert.Equal("upstream_error", (string?)(await ReadJsonAsync(first))["error"]!["code"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, second.StatusCode);
        Assert.Empty(await host.Control.GetSubmissionsAsync(SimulatedProviders.UniAll));
        Assert.Equal(2, counters.FaultsInjected);
        Assert.Equal(0, counters.SubmissionsAccepted);
    }

    [Fact]
    public async Task PollTarget_FaultsQueriesOnly()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.SetFaultsAsync(new FaultInjection
        {
            Provider = SimulatedProviders.UniAll,
            ErrorRate = 1,
            Statuses = [500],
            Target = FaultTarget.Poll,
        });

        var taskId = await host.SubmitOkAsync(Gpt());
        using var query = await host.QueryAsync(taskId);

        Assert.Equal(HttpStatusCode.InternalServerError, query.StatusCode);
        Assert.Null(query.Headers.RetryAfter);
    }

    [Fact]
    public async Task OtherProvider_IsNotFaulted()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.SetFaultsAsync(new FaultInjection { Provider = SimulatedProviders.Depicta, ErrorRate = 1 });

        await host.SubmitOkAsync(Gpt());

        Assert.Equal(0, (await host.Control.GetCountersAsync(SimulatedProviders.UniAll)).FaultsInjected);
    }

    [Fact]
    public async Task TimeoutRateOne_HoldsTheCallThenDropsTheConnection_AndCreatesNothing()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.SetFaultsAsync(new FaultInjection
        {
            Provider = SimulatedProviders.UniAll,
            TimeoutRate = 1,
            TimeoutMs = 50,
            Target = FaultTarget.Submit,
        });

        await Assert.ThrowsAnyAsync<Exception>(() => host.SubmitAsync(Gpt()));

        Assert.Empty(await host.Control.GetSubmissionsAsync(SimulatedProviders.UniAll));
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.UniAll)).FaultsInjected);
    }

    [Fact]
    public async Task HalfErrorRate_FaultsSomeCallsAndServesTheOthers()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.SetFaultsAsync(new FaultInjection { Provider = SimulatedProviders.UniAll, ErrorRate = 0.5, Statuses = [429] });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 200; i++)
        {
            using var response = await host.SubmitAsync(Gpt());
            statuses.Add(response.StatusCode);
        }

        // 200 draws at p = 0.5: all of them landing on one side has probability 2^-199.
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Equal(statuses.Count(s => s == HttpStatusCode.OK), (await host.Control.GetSubmissionsAsync(SimulatedProviders.UniAll)).Count);
    }

    [Fact]
    public async Task ClearAndReset_StopInjecting()
    {
        await using var host = await SimulatorHost.StartAsync();
        var injection = new FaultInjection { Provider = SimulatedProviders.UniAll, ErrorRate = 1, Statuses = [500] };

        await host.Control.SetFaultsAsync(injection);
        using var cleared = await host.Http.DeleteAsync(new Uri("/_control/faults/uniall", UriKind.Relative));
        await host.SubmitOkAsync(Gpt());
        await host.Control.SetFaultsAsync(injection);
        await host.Control.ResetAsync();
        await host.SubmitOkAsync(Gpt());

        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(await host.Http.GetFromJsonAsync<List<FaultInjection>>(new Uri("/_control/faults", UriKind.Relative)) ?? []);
    }

    [Theory]
    [InlineData("{\"provider\":\"nobody\",\"errorRate\":0.1}", "provider")]
    [InlineData("{\"provider\":\"uniall\",\"errorRate\":1.01}", "errorRate")]
    [InlineData("{\"provider\":\"uniall\",\"errorRate\":-0.01}", "errorRate")]
    [InlineData("{\"provider\":\"uniall\",\"errorRate\":0.6,\"timeoutRate\":0.5}", "timeoutRate")]
    [InlineData("{\"provider\":\"uniall\",\"errorRate\":0.5,\"statuses\":[]}", "statuses")]
    [InlineData("{\"provider\":\"uniall\",\"errorRate\":0.5,\"statuses\":[200]}", "statuses")]
    [InlineData("{\"provider\":\"uniall\",\"timeoutRate\":0.5,\"timeoutMs\":-1}", "timeoutMs")]
    public async Task InvalidInjection_IsRejectedNamingTheField(string json, string field)
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Http.PutAsync(
            new Uri("/_control/faults", UriKind.Relative),
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task BoundaryRates_AreAccepted()
    {
        await using var host = await SimulatorHost.StartAsync();

        await host.Control.SetFaultsAsync(new FaultInjection { Provider = SimulatedProviders.UniAll, ErrorRate = 0.5, TimeoutRate = 0.5 });
        await host.Control.SetFaultsAsync(new FaultInjection { Provider = SimulatedProviders.UniAll, ErrorRate = 0, Statuses = [] });
    }
}
