using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workers.ProviderSimulator.Tests.Apikley;

/// <summary>Apikley requests as the fleet makes them, and createTask bodies built from the seed's example.</summary>
internal static class ApikleyCalls
{
    public const string ApiKey = "apikley-test-key";

    /// <summary>The seed's example (two 7.5 s shots, n_frames "15") with fields replaced; a dotted path reaches into <c>input</c>; null removes.</summary>
    public static string Body(params (string Path, object? Value)[] overrides)
    {
        var body = new JsonObject
        {
            ["model"] = "sora-2-pro-storyboard",
            ["input"] = new JsonObject
            {
                ["n_frames"] = "15",
                ["aspect_ratio"] = "landscape",
                ["shots"] = Shots(7.5, 7.5),
            },
        };
        foreach (var (path, value) in overrides)
        {
            var parts = path.Split('.');
            var owner = parts.Length == 1 ? body : body[parts[0]]!.AsObject();
            var field = parts[^1];
            if (value is null)
            {
                owner.Remove(field);
            }
            else
            {
                owner[field] = value as JsonNode ?? JsonSerializer.SerializeToNode(value);
            }
        }

        return body.ToJsonString();
    }

    /// <summary>Shots with the given durations and scene texts "scene 1", "scene 2", ….</summary>
    public static JsonArray Shots(params double[] durations) =>
        new([.. durations.Select((duration, i) => (JsonNode)new JsonObject { ["Scene"] = $"scene {i + 1}", ["duration"] = duration })]);

    public static async Task<HttpResponseMessage> CreateAsync(
        this SimulatorHost host,
        string json,
        string? apiKey = ApiKey,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs/createTask")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        Authorize(request, apiKey);
        return await host.Http.SendAsync(request, cancellationToken);
    }

    /// <summary>Creates, asserts <c>{ code: 200, msg: "success" }</c> and returns the task id.</summary>
    public static async Task<string> CreateOkAsync(this SimulatorHost host, string json, string apiKey = ApiKey)
    {
        using var response = await host.CreateAsync(json, apiKey);
        var body = await ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK && (int?)body["code"] == 200, $"createTask answered {(int)response.StatusCode}: {body}");
        Assert.Equal("success", (string?)body["msg"]);
        return (string)body["data"]!["taskId"]!;
    }

    /// <summary>Creates and returns the HTTP status and body (for refusals).</summary>
    public static async Task<(HttpStatusCode Status, JsonObject Body)> CreateRefusedAsync(this SimulatorHost host, string json, string? apiKey = ApiKey)
    {
        using var response = await host.CreateAsync(json, apiKey);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    public static async Task<(HttpStatusCode Status, JsonObject Body)> RecordAsync(this SimulatorHost host, string taskId, string? apiKey = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/jobs/recordInfo?taskId={Uri.EscapeDataString(taskId)}");
        Authorize(request, apiKey);
        using var response = await host.Http.SendAsync(request);
        return (response.StatusCode, await ReadJsonAsync(response));
    }

    /// <summary>Queries, asserts code 200, and returns <c>data</c>.</summary>
    public static async Task<JsonObject> RecordOkAsync(this SimulatorHost host, string taskId, string apiKey = ApiKey)
    {
        var (status, body) = await host.RecordAsync(taskId, apiKey);
        Assert.True(status == HttpStatusCode.OK && (int?)body["code"] == 200, $"recordInfo answered {(int)status}: {body}");
        return body["data"]!.AsObject();
    }

    /// <summary>The result URLs of a record: <c>resultJson</c> is a JSON string that holds <c>{ resultUrls: [...] }</c>.</summary>
    public static IReadOnlyList<string> ResultUrls(JsonObject record) =>
        JsonNode.Parse((string)record["resultJson"]!)!["resultUrls"]!.AsArray().Select(url => (string)url!).ToList();

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text)?.AsObject() ?? throw new Xunit.Sdk.XunitException($"Not a JSON object: {text}");
    }

    public static void Authorize(HttpRequestMessage request, string? apiKey)
    {
        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }
}
