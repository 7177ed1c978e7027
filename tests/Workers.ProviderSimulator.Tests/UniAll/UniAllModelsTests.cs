using System.Net;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.UniAll;

/// <summary><c>GET /v1/models</c>, the <c>/uniall</c> prefix and configured API keys.</summary>
public sealed class UniAllModelsTests
{
    [Fact]
    public async Task Models_ListsEveryModelInOpenAiShape()
    {
        // Only under the prefix: the root /v1/models is Depicta's.
        await using var host = await SimulatorHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/uniall/v1/models");
        Authorize(request, SimulatorHost.ApiKey);

        using var response = await host.Http.SendAsync(request);
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("list", (string?)json["object"]);
        var models = json["data"]!.AsArray();
        Assert.Equal(
            ["NanoBanana", "NanoBanana2-0.5K", "NanoBanana2-1K", "NanoBanana2-2K", "NanoBanana2-4K",
             "NanoBananaPro-1K", "NanoBananaPro-2K", "NanoBananaPro-4K", "NanoBananaPro-8K", "gpt-image-2",
             "grok-imagine-image", "grok-imagine-image-quality"],
            models.Select(model => (string)model!["id"]!));
        Assert.All(models, model =>
        {
            Assert.Equal("model", (string?)model!["object"]);
            Assert.Equal("uniall", (string?)model["owned_by"]);
            Assert.True((long?)model["created"] > 0);
        });
    }

    [Fact]
    public async Task Models_WithoutKey_Returns401()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Http.GetAsync(new Uri("/uniall/v1/models", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Tasks_UnderTheUniAllPrefix_AreTheSameTasks()
    {
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await host.SubmitOkAsync(Gpt());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/uniall/v1/images/tasks/{taskId}");
        Authorize(request, SimulatorHost.ApiKey);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Submit_WithConfiguredKeys_AcceptsOnlyThose()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:UniAll:ApiKeys:0=sk-alpha", "--Simulator:UniAll:ApiKeys:1=team-key"]);

        using var alpha = await host.SubmitAsync(Gpt(), apiKey: "sk-alpha");
        using var team = await host.SubmitAsync(Gpt(), apiKey: "team-key");
        using var other = await host.SubmitAsync(Gpt(), apiKey: "sk-beta");

        Assert.Equal(HttpStatusCode.OK, alpha.StatusCode);
        Assert.Equal(HttpStatusCode.OK, team.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }
}
