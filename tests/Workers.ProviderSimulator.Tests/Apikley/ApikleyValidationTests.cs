using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using static Workers.ProviderSimulator.Tests.Apikley.ApikleyCalls;

namespace Workers.ProviderSimulator.Tests.Apikley;

/// <summary>
/// The createTask rules of seed 001 as a table: each accepted at its boundary and rejected one step past it, as
/// HTTP 200 with body code 422 and a message naming the field. Each case uses its own key, so the per-account rate
/// limit never interferes.
/// </summary>
public sealed class ApikleyValidationTests(SharedSimulator simulator) : IClassFixture<SharedSimulator>
{
    public static TheoryData<string, string> Accepted => new()
    {
        { "seed example", Body() },
        { "1 shot (lower bound)", Body(("input.shots", Shots(5))) },
        { "10 shots (upper bound)", Body(("input.n_frames", "25"), ("input.shots", Shots([.. Enumerable.Repeat(2.5, 10)]))) },
        { "shot 0.1 s (lower bound)", Body(("input.shots", Shots(0.1))) },
        { "shot 15 s (upper bound)", Body(("input.shots", Shots(15))) },
        { "total = n_frames 10", Body(("input.n_frames", "10"), ("input.shots", Shots(4.4, 5.6))) },
        { "total = n_frames 15 (7.4 + 7.6)", Body(("input.shots", Shots(7.4, 7.6))) },
        { "total = n_frames 25", Body(("input.n_frames", "25"), ("input.shots", Shots(15, 10))) },
        { "total below n_frames", Body(("input.shots", Shots(3))) },
        { "n_frames omitted (default 15)", Body(("input.n_frames", null), ("input.shots", Shots(15))) },
        { "aspect portrait", Body(("input.aspect_ratio", "portrait")) },
        { "aspect omitted (default landscape)", Body(("input.aspect_ratio", null)) },
        { "one image URL", Body(("input.image_urls", new[] { "https://example.com/a.png" })) },
        { "image_urls omitted", Body(("input.image_urls", null)) },
        { "callBackUrl https", Body(("callBackUrl", "https://your-domain.com/api/callback")) },
        { "callBackUrl http", Body(("callBackUrl", "http://127.0.0.1:9/hook")) },
        { "undocumented upload_method ignored", Body(("input.upload_method", "s3")) },
    };

    public static TheoryData<string, string, string> Rejected => new()
    {
        // description, body, text the msg must contain
        { "model missing", Body(("model", null)), "model" },
        { "model sora-2-pro", Body(("model", "sora-2-pro")), "model" },
        { "model case", Body(("model", "Sora-2-Pro-Storyboard")), "model" },
        { "model as a number", Body(("model", 2)), "model" },
        { "input missing", Body(("input", null)), "input" },
        { "input not an object", Body(("input", "shots")), "input" },
        { "shots missing", Body(("input.shots", null)), "input.shots" },
        { "shots empty (0 items)", Body(("input.shots", Shots())), "input.shots" },
        { "11 shots", Body(("input.n_frames", "25"), ("input.shots", Shots([.. Enumerable.Repeat(2.0, 11)]))), "input.shots" },
        { "shots not an array", Body(("input.shots", "a kitten")), "input.shots" },
        { "shot 0.09 s", Body(("input.shots", Shots(0.09))), "input.shots[0].duration" },
        { "shot 0 s", Body(("input.shots", Shots(0))), "input.shots[0].duration" },
        { "shot 15.01 s", Body(("input.n_frames", "25"), ("input.shots", Shots(15.01))), "input.shots[0].duration" },
        { "shot duration as a string", Body(("input.shots", new JsonArray(new JsonObject { ["Scene"] = "a", ["duration"] = "5" }))), "input.shots[0].duration" },
        { "shot duration missing", Body(("input.shots", new JsonArray(new JsonObject { ["Scene"] = "a" }))), "input.shots[0].duration" },
        { "shot Scene missing", Body(("input.shots", new JsonArray(new JsonObject { ["duration"] = 5 }))), "input.shots[0].Scene" },
        { "shot scene lower-case", Body(("input.shots", new JsonArray(new JsonObject { ["scene"] = "a", ["duration"] = 5 }))), "input.shots[0].Scene" },
        { "shot Scene blank", Body(("input.shots", new JsonArray(new JsonObject { ["Scene"] = "  ", ["duration"] = 5 }))), "input.shots[0].Scene" },
        { "second shot bad", Body(("input.shots", Shots(5, 20))), "input.shots[1].duration" },
        { "total 10.01 > n_frames 10", Body(("input.n_frames", "10"), ("input.shots", Shots(5, 5.01))), "n_frames" },
        { "total 15.1 > n_frames 15", Body(("input.shots", Shots(7.5, 7.6))), "n_frames" },
        { "total 25.5 > n_frames 25", Body(("input.n_frames", "25"), ("input.shots", Shots(15, 10.5))), "n_frames" },
        { "total 16 > default n_frames 15", Body(("input.n_frames", null), ("input.shots", Shots(8, 8))), "n_frames" },
        { "n_frames 20", Body(("input.n_frames", "20")), "n_frames" },
        { "n_frames 5", Body(("input.n_frames", "5")), "n_frames" },
        { "n_frames as a number", Body(("input.n_frames", 15)), "n_frames" },
        { "aspect square", Body(("input.aspect_ratio", "square")), "aspect_ratio" },
        { "aspect 16:9", Body(("input.aspect_ratio", "16:9")), "aspect_ratio" },
        { "aspect Landscape (case)", Body(("input.aspect_ratio", "Landscape")), "aspect_ratio" },
        { "image_urls empty", Body(("input.image_urls", Array.Empty<string>())), "image_urls" },
        { "2 image URLs", Body(("input.image_urls", new[] { "https://example.com/a.png", "https://example.com/b.png" })), "image_urls" },
        { "image_urls a string", Body(("input.image_urls", "https://example.com/a.png")), "image_urls" },
        { "image URL relative", Body(("input.image_urls", new[] { "a.png" })), "image_urls" },
        { "image URL ftp", Body(("input.image_urls", new[] { "ftp://example.com/a.png" })), "image_urls" },
        { "callBackUrl relative", Body(("callBackUrl", "/api/callback")), "callBackUrl" },
        { "callBackUrl ftp", Body(("callBackUrl", "ftp://example.com/hook")), "callBackUrl" },
        { "callBackUrl a number", Body(("callBackUrl", 5)), "callBackUrl" },
    };

    private SimulatorHost Host => simulator.Host;

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task CreateTask_ValidRequest_ReturnsCode200WithTaskId(string rule, string body)
    {
        var (status, json) = await Host.CreateRefusedAsync(body, OwnKey());

        Assert.True(status == HttpStatusCode.OK && (int?)json["code"] == 200, $"{rule}: {(int)status} {json}");
        Assert.Equal("success", (string?)json["msg"]);
        Assert.Matches(@"^task_sora-2-pro-storyboard_\d{13}$", (string?)json["data"]!["taskId"]);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task CreateTask_InvalidRequest_ReturnsHttp200WithCode422(string rule, string body, string named)
    {
        var (status, json) = await Host.CreateRefusedAsync(body, OwnKey());

        Assert.True(status == HttpStatusCode.OK, $"{rule}: HTTP {(int)status}");
        Assert.True((int?)json["code"] == 422, $"{rule}: {json}");
        Assert.Contains(named, (string?)json["msg"], StringComparison.Ordinal);
        Assert.True(json.ContainsKey("data") && json["data"] is null, "data is present and null");
    }

    [Theory]
    [InlineData("{\"model\": \"sora-2-pro-storyboard\",")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public async Task CreateTask_BodyNotAJsonObject_ReturnsCode422(string body)
    {
        var (status, json) = await Host.CreateRefusedAsync(body, OwnKey());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(422, (int?)json["code"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer ")]
    [InlineData("Basic apikley-test-key")]
    [InlineData("apikley-test-key")]
    public async Task CreateTask_WithoutBearerKey_ReturnsCode401(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs/createTask")
        {
            Content = new StringContent(Body(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Host.Http.SendAsync(request);
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(401, (int?)json["code"]);
        Assert.Equal("You do not have access permissions", (string?)json["msg"]);
    }

    [Fact]
    public async Task CreateTask_AuthIsCheckedBeforeTheBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/jobs/createTask")
        {
            Content = new StringContent("not json", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "x");

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(401, (int?)(await ReadJsonAsync(response))["code"]);
    }

    [Fact]
    public async Task RecordInfo_WithoutKey_ReturnsCode401()
    {
        var (_, json) = await Host.RecordAsync("task_sora-2-pro-storyboard_1", apiKey: null);

        Assert.Equal(401, (int?)json["code"]);
    }

    private static string OwnKey() => $"key-{Guid.NewGuid():N}";
}
