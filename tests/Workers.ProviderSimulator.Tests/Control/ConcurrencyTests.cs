using System.Net;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.Control;

/// <summary>Concurrent submissions: a script's count is used exactly once per submission, and nothing is lost.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ParallelSubmissions_UseAScriptCountExactly_AndAreAllRecorded()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, Count = 100, HttpStatus = 429 });

        var responses = await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            using var response = await host.SubmitAsync(Gpt(("prompt", $"parallel {i}")));
            return response.StatusCode;
        }));
        var submissions = await host.Control.GetSubmissionsAsync(SimulatedProviders.UniAll, "parallel");
        var counters = await host.Control.GetCountersAsync(SimulatedProviders.UniAll);

        Assert.Equal(100, responses.Count(status => status == HttpStatusCode.TooManyRequests));
        Assert.Equal(400, responses.Count(status => status == HttpStatusCode.OK));
        Assert.Equal(400, submissions.Select(s => s.TaskId).Distinct().Count());
        Assert.Equal(400, counters.SubmissionsAccepted);
        Assert.Equal(100, counters.SubmissionsRejected[429]);
    }
}
