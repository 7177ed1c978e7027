using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Control;
using Workers.ProviderSimulator.Scripts;

namespace Workers.ProviderSimulator.Tests;

/// <summary>The host: real Kestrel on a free loopback port, and start-up validation of options.</summary>
public sealed class SimulatorAppTests
{
    [Fact]
    public async Task Create_OnKestrelPortZero_ServesUniAllAndControlOverRealSockets()
    {
        await using var app = SimulatorApp.Create(["--urls", "http://127.0.0.1:0", "--Simulator:SpeedFactor=1000"]);
        await app.StartAsync();
        var baseAddress = SimulatorApp.GetBaseAddress(app);
        using var http = new HttpClient { BaseAddress = baseAddress };
        var control = new SimulatorControlClient(http);
        await control.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = "[drop]", Outcome = ScriptOutcome.AcceptThenDrop });

        using var accepted = await SubmitAsync(http, "a cat");
        var dropped = await Record.ExceptionAsync(() => SubmitAsync(http, "a cat [drop]"));
        var submissions = await control.GetSubmissionsAsync("uniall");

        Assert.NotEqual(0, baseAddress.Port);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.IsType<HttpRequestException>(dropped);
        Assert.Equal(2, submissions.Count);
        await app.StopAsync();
    }

    [Fact]
    public async Task Create_OnKestrel_LinksUseTheAddressTheCallerUsed()
    {
        await using var app = SimulatorApp.Create(["--urls", "http://127.0.0.1:0"]);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = SimulatorApp.GetBaseAddress(app) };
        await new SimulatorControlClient(http).AddScriptAsync(new OutcomeScript { Provider = "uniall", DurationMs = 0 });
        using var submit = await SubmitAsync(http, "a cat");
        var taskId = (string)JsonNode.Parse(await submit.Content.ReadAsStringAsync())!["task_id"]!;

        using var query = new HttpRequestMessage(HttpMethod.Get, $"v1/images/tasks/{taskId}");
        query.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-kestrel");
        using var response = await http.SendAsync(query);
        var url = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["result_url"]!;
        using var download = await http.GetAsync(new Uri(url));

        Assert.StartsWith(http.BaseAddress!.GetLeftPart(UriPartial.Authority) + "/files/", url, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        await app.StopAsync();
    }

    [Theory]
    [InlineData("--Simulator:SpeedFactor=0", "SpeedFactor")]
    [InlineData("--Simulator:FileUrlLifetime=00:00:00", "FileUrlLifetime")]
    [InlineData("--Simulator:FileSigningKey=short", "FileSigningKey")]
    [InlineData("--Simulator:PublicBaseUrl=/relative", "PublicBaseUrl")]
    [InlineData("--Simulator:UniAll:QueuedFraction=1.5", "QueuedFraction")]
    [InlineData("--Simulator:UniAll:Durations:gpt-image-2:MaxSeconds=1", "gpt-image-2")]
    [InlineData("--Simulator:UniAll:Durations:gpt-image-3:MaxSeconds=1", "gpt-image-3")]
    public async Task Create_WithImpossibleSettings_FailsAtStart(string setting, string named)
    {
        await using var app = SimulatorApp.Create(["--urls", "http://127.0.0.1:0", setting]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient http, string prompt, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/images/tasks")
        {
            Content = new StringContent(
                new JsonObject { ["model"] = "NanoBanana", ["prompt"] = prompt }.ToJsonString(),
                Encoding.UTF8,
                "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sk-kestrel");
        return await http.SendAsync(request, cancellationToken);
    }
}
