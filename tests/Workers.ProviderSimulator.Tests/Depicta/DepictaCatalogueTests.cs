using System.Net;
using static Workers.ProviderSimulator.Tests.Depicta.DepictaCalls;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.Depicta;

/// <summary><c>GET /v1/models</c> (Depicta's at the root), the public endpoints and configured API keys.</summary>
public sealed class DepictaCatalogueTests(SharedSimulator simulator) : IClassFixture<SharedSimulator>
{
    private SimulatorHost Host => simulator.Host;

    [Fact]
    public async Task Models_ListsModelsWithAndWithoutMultiturn()
    {
        using var response = await Host.GetAsync("/v1/models");
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var models = json["models"]!.AsArray().ToDictionary(model => (string)model!["id"]!, model => (bool)model!["supports_multiturn"]!);
        Assert.Equal(
            new Dictionary<string, bool> { ["depicta-story-1"] = true, ["depicta-story-1-fast"] = true, ["depicta-image-1"] = false },
            models);
    }

    [Fact]
    public async Task Models_WithAUniAllKey_Returns401_AndUniAllModelsLiveUnderItsPrefix()
    {
        using var depicta = await Host.GetAsync("/v1/models", apiKey: SimulatorHost.ApiKey);
        using var uniall = await Host.GetAsync("/uniall/v1/models", apiKey: SimulatorHost.ApiKey);

        await ErrorAsync(depicta, HttpStatusCode.Unauthorized, "auth_invalid");
        Assert.Equal("list", (string?)(await ReadJsonAsync(uniall))["object"]);
    }

    [Fact]
    public async Task Pricing_IsPublic_AndInEuroStrings()
    {
        using var response = await Host.GetAsync("/v1/pricing", apiKey: null);
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("EUR", (string?)json["currency"]);
        Assert.Equal("0.045000", (string?)json["story"]!["per_scene_image_eur"]);
        Assert.Equal("0.010000", (string?)json["minimum_balance_eur"]);
    }

    [Fact]
    public async Task OpenApi_IsPublic_AndListsTheStoryPaths()
    {
        using var response = await Host.GetAsync("/v1/openapi.json", apiKey: null);
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(json["paths"]!["/v1/generate/story"]!["post"]);
        Assert.NotNull(json["paths"]!["/v1/jobs/{id}"]!["get"]);
    }

    [Fact]
    public async Task Health_IsPublic()
    {
        using var response = await Host.GetAsync("/health", apiKey: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Submit_WithConfiguredKeys_AcceptsOnlyThose()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Depicta:ApiKeys:0=dpct_alpha", "--Simulator:Depicta:ApiKeys:1=team-key"]);

        using var alpha = await host.SubmitAsync(Story(), apiKey: "dpct_alpha");
        using var team = await host.SubmitAsync(Story(), apiKey: "team-key");
        using var other = await host.SubmitAsync(Story(), apiKey: "dpct_beta");

        Assert.Equal(HttpStatusCode.Accepted, alpha.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, team.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Theory]
    [InlineData("--Simulator:Depicta:MaxConcurrentRequests=0")]
    [InlineData("--Simulator:Depicta:PendingFraction=1.5")]
    [InlineData("--Simulator:Depicta:PricePerSceneImageEur=-1")]
    [InlineData("--Simulator:Depicta:SecondsPerImage:depicta-story-9:MinSeconds=1")]
    [InlineData("--Simulator:Depicta:SecondsPerImage:depicta-story-1:MaxSeconds=1")]
    public async Task Start_WithInvalidDepictaSettings_Fails(string setting)
    {
        await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var host = await SimulatorHost.StartAsync([setting]);
        });
    }
}
