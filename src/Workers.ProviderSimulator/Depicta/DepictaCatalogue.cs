using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>
/// Depicta's descriptive endpoints: <c>GET /v1/models</c> (needs a key, like every call not documented as public),
/// and the public <c>GET /v1/pricing</c> and <c>GET /v1/openapi.json</c>. [ASSUMPTION] Their shapes are not in the research.
/// </summary>
internal static class DepictaCatalogue
{
    public static IResult ListModels(HttpContext context, DepictaConcurrencyGate gate, IOptions<SimulatorOptions> options)
    {
        if (DepictaAuth.Account(context.Request, options) is not { } account)
        {
            return DepictaError.Unauthorized().ToResult(context.Response);
        }

        using var lease = gate.Enter(account);
        if (!lease.IsAcquired)
        {
            return DepictaError.RateLimited().ToResult(context.Response, options.Value.Depicta.RateLimitRetryAfterSeconds);
        }

        return Results.Json(new { models = DepictaModels.All });
    }

    public static IResult Pricing(IOptions<SimulatorOptions> options) => Results.Json(new JsonObject
    {
        ["currency"] = "EUR",
        ["minimum_balance_eur"] = Eur(DepictaWallet.MinimumBalanceEur),
        ["story"] = new JsonObject
        {
            ["per_scene_image_eur"] = Eur(options.Value.Depicta.PricePerSceneImageEur),
            ["per_character_portrait_eur"] = Eur(0m),
        },
    });

    public static IResult OpenApi() => Results.Text(Document, "application/json");

    private static string Eur(decimal amount) => amount.ToString("0.000000", CultureInfo.InvariantCulture);

    // Serialised once: a small static document, enough for a client to discover the served paths.
    private static readonly string Document = new JsonObject
    {
        ["openapi"] = "3.1.0",
        ["info"] = new JsonObject { ["title"] = "Depicta API (simulated)", ["version"] = "1" },
        ["servers"] = new JsonArray(new JsonObject { ["url"] = "https://api.depicta.ai" }),
        ["components"] = new JsonObject
        {
            ["securitySchemes"] = new JsonObject { ["bearer"] = new JsonObject { ["type"] = "http", ["scheme"] = "bearer" } },
        },
        ["security"] = new JsonArray(new JsonObject { ["bearer"] = new JsonArray() }),
        ["paths"] = new JsonObject
        {
            ["/v1/generate/story"] = Operation("post", "generateStory", "Create a multi-scene story (202 + job_id)."),
            ["/v1/jobs"] = Operation("get", "listJobs", "Recent jobs of the API key, newest first."),
            ["/v1/jobs/{id}"] = Operation("get", "getJob", "Job status, scenes_completed and, when completed, signed result URLs."),
            ["/v1/generate/story/{id}"] = Operation("get", "getStory", "Same as /v1/jobs/{id}."),
            ["/v1/models"] = Operation("get", "listModels", "Models with supports_multiturn."),
            ["/v1/pricing"] = Operation("get", "getPricing", "Prices in EUR (public)."),
            ["/health"] = Operation("get", "health", "Liveness (public)."),
        },
    }.ToJsonString();

    private static JsonObject Operation(string method, string operationId, string summary) => new()
    {
        [method] = new JsonObject { ["operationId"] = operationId, ["summary"] = summary },
    };
}
