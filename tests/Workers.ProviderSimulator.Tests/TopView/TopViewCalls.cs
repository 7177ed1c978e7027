using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workers.ProviderSimulator.Tests.UniAll;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary>TopView requests as the fleet makes them, request bodies built from a valid base, and uploads.</summary>
internal static class TopViewCalls
{
    public const string Uid = "uid-test";
    public const string ApiKey = "tv-test-key";
    public const string StoryboardPath = "/v1/common_task/storyboard/task";
    public const string VideoPath = "/v2/common_task/image2video/task";

    /// <summary>A string value the tests replace with the fileId of a freshly uploaded PNG of the caller's uid.</summary>
    public const string NewImage = "@image";

    public static string Storyboard(params (string Field, object? Value)[] overrides) =>
        UniAllCalls.Body(
            new JsonObject { ["story"] = "A fox finds a lantern in the snow.", ["model"] = "Nano Banana Pro", ["resolution"] = "2K" },
            overrides);

    public static string ImageToVideo(params (string Field, object? Value)[] overrides) =>
        UniAllCalls.Body(
            new JsonObject { ["model"] = "Seedance 1.5 Pro", ["firstFrameFileId"] = NewImage, ["prompt"] = "slow dolly-in" },
            overrides);

    /// <summary>A fresh uid, so that tests sharing one simulator never meet the per-uid task limit.</summary>
    public static string FreshUid() => "uid-" + Guid.NewGuid().ToString("N")[..12];

    public static async Task<HttpResponseMessage> SendAsync(
        this SimulatorHost host,
        HttpMethod method,
        string pathAndQuery,
        string? json = null,
        string? uid = Uid,
        string? apiKey = ApiKey)
    {
        using var request = new HttpRequestMessage(method, pathAndQuery);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        if (uid is not null)
        {
            request.Headers.Add("Topview-Uid", uid);
        }

        if (apiKey is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return await host.Http.SendAsync(request);
    }

    /// <summary>Submits after replacing every <see cref="NewImage"/> with an uploaded image of <paramref name="uid"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this SimulatorHost host, string path, string json, string uid = Uid)
    {
        var body = await host.WithUploadsAsync(json, uid);
        return await host.SendAsync(HttpMethod.Post, path + "/submit", body, uid);
    }

    /// <summary>Submits, asserts an accepted task (code 200, status success), returns its taskId.</summary>
    public static async Task<string> SubmitOkAsync(this SimulatorHost host, string path, string json, string uid = Uid)
    {
        using var response = await host.SubmitAsync(path, json, uid);
        var result = await ResultOkAsync(response);
        Assert.Equal("success", (string?)result["status"]);
        return (string)result["taskId"]!;
    }

    public static async Task<JsonObject> QueryOkAsync(this SimulatorHost host, string path, string taskId, string uid = Uid, string extraQuery = "")
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"{path}/query?taskId={taskId}{extraQuery}", uid: uid);
        return await ResultOkAsync(response);
    }

    /// <summary>Asserts HTTP 200 and code "200"; returns <c>result</c>.</summary>
    public static async Task<JsonObject> ResultOkAsync(HttpResponseMessage response)
    {
        var json = await UniAllCalls.ReadJsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK && (string?)json["code"] == "200", $"{(int)response.StatusCode}: {json}");
        Assert.Equal("Success", (string?)json["message"]);
        return json["result"]!.AsObject();
    }

    /// <summary>Asserts a business error: HTTP 200, the string code, <c>result: null</c>; returns the message.</summary>
    public static async Task<string> ErrorAsync(HttpResponseMessage response, string code, string because = "")
    {
        var json = await UniAllCalls.ReadJsonAsync(response);
        Assert.True(
            response.StatusCode == HttpStatusCode.OK && json["code"]?.GetValueKind() == JsonValueKind.String && (string?)json["code"] == code,
            $"{because}: expected code \"{code}\", got {(int)response.StatusCode} {json}");
        Assert.True(json.ContainsKey("result") && json["result"] is null, "result is present and null");
        var message = (string?)json["message"];
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    /// <summary>The three upload steps; returns the fileId.</summary>
    public static async Task<string> UploadAsync(this SimulatorHost host, string uid = Uid, string format = "png", byte[]? content = null)
    {
        var credential = await host.CredentialAsync(uid, format);
        using (var put = await host.PutAsync((string)credential["uploadUrl"]!, content ?? [0x89, 0x50, 0x4E, 0x47]))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        return (string)credential["fileId"]!;
    }

    public static async Task<JsonObject> CredentialAsync(this SimulatorHost host, string uid = Uid, string format = "png")
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"/v1/upload/credential?format={format}", uid: uid);
        return await ResultOkAsync(response);
    }

    /// <summary>The bare S3-style PUT: no TopView headers.</summary>
    public static async Task<HttpResponseMessage> PutAsync(this SimulatorHost host, string uploadUrl, byte[] content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(uploadUrl)) { Content = new ByteArrayContent(content) };
        return await host.Http.SendAsync(request);
    }

    private static async Task<string> WithUploadsAsync(this SimulatorHost host, string json, string uid)
    {
        var node = JsonNode.Parse(json);
        if (node is not JsonObject body)
        {
            return json;
        }

        foreach (var (name, value) in body.ToList())
        {
            if (value is JsonValue single && single.GetValueKind() == JsonValueKind.String && (string?)single == NewImage)
            {
                body[name] = await host.UploadAsync(uid);
            }
            else if (value is JsonArray array)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue item && item.GetValueKind() == JsonValueKind.String && (string?)item == NewImage)
                    {
                        array[i] = await host.UploadAsync(uid);
                    }
                }
            }
        }

        return body.ToJsonString();
    }

    /// <summary><paramref name="count"/> placeholders for uploaded images, for reference-count rows.</summary>
    public static string[] Images(int count) => Enumerable.Repeat(NewImage, count).ToArray();
}
