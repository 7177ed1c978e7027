using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workers.ProviderSimulator.Tests.UniAll;

/// <summary>UniAll requests as the fleet makes them, and request bodies built from a valid base.</summary>
internal static class UniAllCalls
{
    public static string Gpt(params (string Field, object? Value)[] overrides) =>
        Body(new JsonObject { ["model"] = "gpt-image-2", ["prompt"] = "a blue glass sphere", ["size"] = "1024x1024" }, overrides);

    public static string Nano(string model = "NanoBanana2-1K", params (string Field, object? Value)[] overrides) =>
        Body(new JsonObject { ["model"] = model, ["prompt"] = "a small red cube" }, overrides);

    /// <summary>The base body with fields replaced; a null value removes the field.</summary>
    public static string Body(JsonObject body, params (string Field, object? Value)[] overrides)
    {
        foreach (var (field, value) in overrides)
        {
            if (value is null)
            {
                body.Remove(field);
            }
            else
            {
                body[field] = JsonSerializer.SerializeToNode(value);
            }
        }

        return body.ToJsonString();
    }

    public static async Task<HttpResponseMessage> SubmitAsync(
        this SimulatorHost host,
        string json,
        string? apiKey = SimulatorHost.ApiKey,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/images/tasks")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        Authorize(request, apiKey);
        return await host.Http.SendAsync(request, cancellationToken);
    }

    /// <summary>Submits and asserts the bare queued task object; returns the task id.</summary>
    public static async Task<string> SubmitOkAsync(this SimulatorHost host, string json, CancellationToken cancellationToken = default)
    {
        using var response = await host.SubmitAsync(json, cancellationToken: cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"submit answered {(int)response.StatusCode}: {body}");
        Assert.Equal("queued", (string?)body["status"]);
        return (string)body["task_id"]!;
    }

    public static async Task<HttpResponseMessage> QueryAsync(
        this SimulatorHost host,
        string taskId,
        string? apiKey = SimulatorHost.ApiKey,
        CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/images/tasks/{taskId}");
        Authorize(request, apiKey);
        return await host.Http.SendAsync(request, cancellationToken);
    }

    /// <summary>Queries and asserts the success envelope; returns its <c>data</c>.</summary>
    public static async Task<JsonObject> QueryOkAsync(this SimulatorHost host, string taskId, CancellationToken cancellationToken = default)
    {
        using var response = await host.QueryAsync(taskId, cancellationToken: cancellationToken);
        var body = await ReadJsonAsync(response, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("success", (string?)body["code"]);
        Assert.Equal("", (string?)body["message"]);
        return body["data"]!.AsObject();
    }

    public static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
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
