using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.Depicta;

/// <summary>Depicta requests as a client makes them, and story bodies built from a valid base.</summary>
internal static class DepictaCalls
{
    public const string ApiKey = "dpct_test_key";
    public const string Model = "depicta-story-1";

    /// <summary>
    /// A valid story: characters C1 (with state s1) and C2, location L1, two scenes; fields replaced by
    /// <paramref name="overrides"/> (a null value removes the field).
    /// </summary>
    public static string Story(params (string Field, object? Value)[] overrides)
    {
        var body = new JsonObject
        {
            ["model"] = Model,
            ["prompt"] = "A fox and an owl become friends",
            ["characters"] = Node(Characters(2)),
            ["locations"] = Node(new[] { new { name = "L1", description = "a pine forest" } }),
            ["scenes"] = Node(Scenes(2)),
        };
        foreach (var (field, value) in overrides)
        {
            if (value is null)
            {
                body.Remove(field);
            }
            else
            {
                body[field] = Node(value);
            }
        }

        return body.ToJsonString();
    }

    /// <summary>C1 … Cn; C1 has <paramref name="firstStates"/> states s1, s2, ….</summary>
    public static object[] Characters(int count, int firstStates = 1) =>
    [
        .. Enumerable.Range(1, count).Select(i => new Dictionary<string, object>
        {
            ["name"] = $"C{i}",
            ["appearance"] = $"character {i}",
            ["states"] = Enumerable.Range(1, i == 1 ? firstStates : 0)
                .ToDictionary(s => $"s{s}", s => new { appearance = $"variant {s}" }),
        }),
    ];

    /// <summary>Scenes 1 … n with C1 in L1; the second one shows C1 in state s1.</summary>
    public static object[] Scenes(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => new
        {
            prompt = $"scene {i} prompt",
            characters = new object[] { i == 2 ? new { name = "C1", state = "s1" } : new { name = "C1" } },
            location = "L1",
        }),
    ];

    public static object[] ReferenceImages(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new { url = $"https://example.com/ref{i}.png", description = $"reference {i}" })];

    public static OutcomeScript Script(int? durationMs = 0) => new() { Provider = SimulatedProviders.Depicta, DurationMs = durationMs };

    public static async Task<HttpResponseMessage> SubmitAsync(
        this SimulatorHost host,
        string json,
        string? apiKey = ApiKey,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/generate/story")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        Authorize(request, apiKey);
        return await host.Http.SendAsync(request, cancellationToken);
    }

    /// <summary>Submits, asserts the 202 pending answer with the job id header; returns the job id.</summary>
    public static async Task<string> SubmitOkAsync(this SimulatorHost host, string json, string apiKey = ApiKey)
    {
        using var response = await host.SubmitAsync(json, apiKey);
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"submit answered {(int)response.StatusCode}: {body}");
        Assert.Equal("pending", (string?)body["status"]);
        var jobId = (string)body["job_id"]!;
        Assert.True(Guid.TryParse(jobId, out _), $"job_id '{jobId}' is not a uuid");
        Assert.Equal(jobId, Assert.Single(response.Headers.GetValues("X-Depicta-Job-Id")));
        return jobId;
    }

    public static async Task<HttpResponseMessage> GetAsync(
        this SimulatorHost host,
        string path,
        string? apiKey = ApiKey,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        Authorize(request, apiKey);
        return await host.Http.SendAsync(request, cancellationToken);
    }

    /// <summary>Polls <c>/v1/jobs/{id}</c> and asserts 200; returns the job.</summary>
    public static async Task<JsonObject> PollOkAsync(this SimulatorHost host, string jobId, string apiKey = ApiKey)
    {
        using var response = await host.GetAsync($"/v1/jobs/{jobId}", apiKey);
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"poll answered {(int)response.StatusCode}: {body}");
        Assert.Equal(jobId, (string?)body["id"]);
        return body;
    }

    /// <summary>Asserts Depicta's error body and returns it.</summary>
    public static async Task<JsonObject> ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal(code, (string?)body["error"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]));
        Assert.StartsWith("req_", (string?)body["request_id"], StringComparison.Ordinal);
        return body;
    }

    private static JsonNode? Node(object value) => JsonSerializer.SerializeToNode(value);
}
