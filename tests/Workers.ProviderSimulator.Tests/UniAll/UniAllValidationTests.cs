using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.UniAll;

/// <summary>
/// The submission rules of seed 004 as a table: each rule accepted at its boundary and rejected one step past
/// it, with the status, error code and parameter a client sees.
/// </summary>
public sealed class UniAllValidationTests(SharedSimulator simulator) : IClassFixture<SharedSimulator>
{
    /// <summary>The 48 gpt-image-2 sizes of seed 004 §5.5, copied from the seed (not from the simulator).</summary>
    public static TheoryData<string> GptImage2Sizes => new(
        "1024x768", "768x1024", "1344x1024", "1024x1344", "1280x1024", "1024x1280", "1360x768", "768x1360",
        "1536x864", "864x1536", "1024x1024", "1536x1024", "1024x1536", "2048x1024", "1024x2048", "2016x864", "864x2016",
        "1920x1080", "1080x1920", "1536x1536", "2048x1360", "1360x2048", "2048x1536", "1536x2048", "2160x1440",
        "1440x2160", "2048x1152", "1152x2048", "2688x1344", "1344x2688", "2688x1152", "1152x2688", "2560x1440",
        "1440x2560", "2048x2048", "2560x2048", "2048x2560", "2880x2880", "3264x2448", "2448x3264", "3504x2336",
        "2336x3504", "3840x1920", "1920x3840", "3840x1648", "1648x3840", "3840x2160", "2160x3840");

    public static TheoryData<string, string> Accepted => new()
    {
        { "model NanoBanana", Nano("NanoBanana") },
        { "model NanoBanana2-0.5K", Nano("NanoBanana2-0.5K") },
        { "model NanoBanana2-1K", Nano("NanoBanana2-1K") },
        { "model NanoBanana2-2K", Nano("NanoBanana2-2K") },
        { "model NanoBanana2-4K", Nano("NanoBanana2-4K") },
        { "model grok-imagine-image", Nano("grok-imagine-image", ("aspect_ratio", "16:9")) },
        { "model grok-imagine-image-quality", Nano("grok-imagine-image-quality", ("output_format", "jpeg")) },
        { "model NanoBananaPro-1K", Nano("NanoBananaPro-1K") },
        { "model NanoBananaPro-2K", Nano("NanoBananaPro-2K") },
        { "model NanoBananaPro-4K", Nano("NanoBananaPro-4K") },
        { "model NanoBananaPro-8K", Nano("NanoBananaPro-8K") },
        { "model gpt-image-2", Gpt() },
        { "gpt-image-2 n=1 (lower bound)", Gpt(("n", 1)) },
        { "gpt-image-2 n=8 (upper bound)", Gpt(("n", 8)) },
        { "gpt-image-2 quality low", Gpt(("quality", "low")) },
        { "gpt-image-2 quality medium", Gpt(("quality", "medium")) },
        { "gpt-image-2 quality high", Gpt(("quality", "high")) },
        { "gpt-image-2 output png", Gpt(("output_format", "png")) },
        { "gpt-image-2 output jpeg", Gpt(("output_format", "jpeg")) },
        { "gpt-image-2 output webp", Gpt(("output_format", "webp")) },
        { "NanoBanana output png", Nano("NanoBanana", ("output_format", "png")) },
        { "NanoBanana output jpeg", Nano("NanoBanana", ("output_format", "jpeg")) },
        { "NanoBanana output webp", Nano("NanoBanana", ("output_format", "webp")) },
        { "NanoBanana2-* output png", Nano("NanoBanana2-2K", ("output_format", "png")) },
        { "NanoBanana2-* output jpeg", Nano("NanoBanana2-2K", ("output_format", "jpeg")) },
        { "NanoBananaPro-* output png", Nano("NanoBananaPro-4K", ("output_format", "png")) },
        { "NanoBananaPro-* output jpeg", Nano("NanoBananaPro-4K", ("output_format", "jpeg")) },
        { "aspect 1:1", Nano(overrides: ("aspect_ratio", "1:1")) },
        { "aspect 2:3", Nano(overrides: ("aspect_ratio", "2:3")) },
        { "aspect 3:2", Nano(overrides: ("aspect_ratio", "3:2")) },
        { "aspect 3:4", Nano(overrides: ("aspect_ratio", "3:4")) },
        { "aspect 4:3", Nano(overrides: ("aspect_ratio", "4:3")) },
        { "aspect 4:5", Nano(overrides: ("aspect_ratio", "4:5")) },
        { "aspect 5:4", Nano(overrides: ("aspect_ratio", "5:4")) },
        { "aspect 9:16", Nano(overrides: ("aspect_ratio", "9:16")) },
        { "aspect 16:9", Nano(overrides: ("aspect_ratio", "16:9")) },
        { "aspect 21:9", Nano("NanoBananaPro-1K", ("aspect_ratio", "21:9")) },
        { "NanoBanana n=1", Nano(overrides: ("n", 1)) },
        { "NanoBanana ignores size and quality (tier decides)", Nano(overrides: [("size", "1024x1024"), ("quality", "high")]) },
        { "explicit text2image", Gpt(("task_type", "text2image")) },
        { "image2image with image URL", Gpt(("task_type", "image2image"), ("image", "https://example.com/in.png")) },
        { "image2image with images[]", Nano(overrides: [("task_type", "image2image"), ("images", new[] { "https://example.com/a.png", "https://example.com/b.png" })]) },
        { "task_type inferred from image", Gpt(("image", "https://example.com/in.png")) },
        { "data URL reference", Gpt(("image", "data:image/png;base64,iVBORw0KGgo=")) },
        { "response_format url", Gpt(("response_format", "url")) },
        { "unknown extra field ignored", Gpt(("user", "someone")) },
    };

    public static TheoryData<string, string, string, string> Rejected => new()
    {
        // description, body, error code, param (all 400 invalid_request_error)
        { "gpt-image-2 n=0", Gpt(("n", 0)), "invalid_value", "n" },
        { "gpt-image-2 n=9", Gpt(("n", 9)), "invalid_value", "n" },
        { "NanoBanana n=0", Nano(overrides: ("n", 0)), "invalid_value", "n" },
        { "NanoBanana n=9", Nano(overrides: ("n", 9)), "invalid_value", "n" },
        { "n as a string", Gpt(("n", "2")), "invalid_value", "n" },
        { "n as a fraction", Gpt(("n", 1.5)), "invalid_value", "n" },
        { "model missing", Gpt(("model", null)), "missing_required_parameter", "model" },
        { "model gpt-image-1", Gpt(("model", "gpt-image-1")), "invalid_value", "model" },
        { "model GPT-Image-2 (case)", Gpt(("model", "GPT-Image-2")), "invalid_value", "model" },
        { "model nanobanana (case)", Nano("nanobanana"), "invalid_value", "model" },
        { "model NanoBanana2-3K", Nano("NanoBanana2-3K"), "invalid_value", "model" },
        { "model NanoBanana2-8K", Nano("NanoBanana2-8K"), "invalid_value", "model" },
        { "model NanoBananaPro-0.5K", Nano("NanoBananaPro-0.5K"), "invalid_value", "model" },
        { "model NanoBanana-1K", Nano("NanoBanana-1K"), "invalid_value", "model" },
        { "model as a number", Gpt(("model", 2)), "invalid_value", "model" },
        { "prompt missing", Gpt(("prompt", null)), "missing_required_parameter", "prompt" },
        { "prompt blank", Nano(overrides: ("prompt", "   ")), "missing_required_parameter", "prompt" },
        { "gpt-image-2 size missing", Gpt(("size", null)), "missing_required_parameter", "size" },
        { "size 1024x1025", Gpt(("size", "1024x1025")), "invalid_value", "size" },
        { "size 1023x1024", Gpt(("size", "1023x1024")), "invalid_value", "size" },
        { "size 1024X1024 (upper-case X)", Gpt(("size", "1024X1024")), "invalid_value", "size" },
        { "size 4096x4096", Gpt(("size", "4096x4096")), "invalid_value", "size" },
        { "size 512x512", Gpt(("size", "512x512")), "invalid_value", "size" },
        { "size auto", Gpt(("size", "auto")), "invalid_value", "size" },
        { "aspect_ratio on gpt-image-2", Gpt(("aspect_ratio", "1:1")), "unsupported_parameter", "aspect_ratio" },
        { "aspect 1:2 on NanoBanana", Nano(overrides: ("aspect_ratio", "1:2")), "invalid_value", "aspect_ratio" },
        { "aspect 16:10 on NanoBanana", Nano(overrides: ("aspect_ratio", "16:10")), "invalid_value", "aspect_ratio" },
        { "aspect 9:21 on NanoBanana", Nano(overrides: ("aspect_ratio", "9:21")), "invalid_value", "aspect_ratio" },
        { "quality hd", Gpt(("quality", "hd")), "invalid_value", "quality" },
        { "quality auto", Gpt(("quality", "auto")), "invalid_value", "quality" },
        { "quality High (case)", Gpt(("quality", "High")), "invalid_value", "quality" },
        { "output webp on NanoBanana2-*", Nano("NanoBanana2-1K", ("output_format", "webp")), "invalid_value", "output_format" },
        { "output webp on NanoBananaPro-*", Nano("NanoBananaPro-2K", ("output_format", "webp")), "invalid_value", "output_format" },
        { "output webp on grok-imagine-*", Nano("grok-imagine-image", ("output_format", "webp")), "invalid_value", "output_format" },
        { "unknown aspect ratio on grok-imagine-*", Nano("grok-imagine-image", ("aspect_ratio", "7:5")), "invalid_value", "aspect_ratio" },
        { "output jpg (not jpeg)", Gpt(("output_format", "jpg")), "invalid_value", "output_format" },
        { "output gif on NanoBanana", Nano("NanoBanana", ("output_format", "gif")), "invalid_value", "output_format" },
        { "task_type img2img", Gpt(("task_type", "img2img")), "invalid_value", "task_type" },
        { "image2image without image", Gpt(("task_type", "image2image")), "missing_required_parameter", "image" },
        { "image not a URL", Gpt(("image", "input.png")), "invalid_value", "image" },
        { "image ftp URL", Gpt(("images", new[] { "ftp://example.com/a.png" })), "invalid_value", "image" },
        { "images not an array", Gpt(("images", "https://example.com/a.png")), "invalid_value", "images" },
        { "response_format b64_json", Gpt(("response_format", "b64_json")), "invalid_value", "response_format" },
    };

    private SimulatorHost Host => simulator.Host;

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Submit_ValidRequest_Returns200WithQueuedTask(string rule, string body)
    {
        using var response = await Host.SubmitAsync(body);
        var json = await ReadJsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{rule}: {(int)response.StatusCode} {json}");
        Assert.StartsWith("task_", (string?)json["task_id"], StringComparison.Ordinal);
        Assert.Equal("queued", (string?)json["status"]);
        Assert.Equal("0%", (string?)json["progress"]);
        Assert.Null(json["result_url"]);
        Assert.Null(json["error"]);
        Assert.True(json.ContainsKey("result_url") && json.ContainsKey("error"), "result_url and error are present as null");
        Assert.Equal(0, (int?)json["metadata"]!["result_count"]);
    }

    [Theory]
    [MemberData(nameof(GptImage2Sizes))]
    public async Task Submit_GptImage2WhitelistedSize_IsAccepted(string size)
    {
        using var response = await Host.SubmitAsync(Gpt(("size", size)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void GptImage2Sizes_Has48Entries() => Assert.Equal(48, GptImage2Sizes.Count);

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Submit_InvalidRequest_Returns400WithOpenAiError(string rule, string body, string code, string param)
    {
        using var response = await Host.SubmitAsync(body);
        var json = await ReadJsonAsync(response);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{rule}: {(int)response.StatusCode} {json}");
        var error = json["error"]!;
        Assert.Equal("invalid_request_error", (string?)error["type"]);
        Assert.Equal(code, (string?)error["code"]);
        Assert.Equal(param, (string?)error["param"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
    }

    [Theory]
    [InlineData("{\"model\": \"gpt-image-2\",")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public async Task Submit_BodyNotAJsonObject_Returns400InvalidJson(string body)
    {
        using var response = await Host.SubmitAsync(body);
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_json", (string?)json["error"]!["code"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer abc")]
    [InlineData("Bearer sk-")]
    [InlineData("Basic sk-test-key")]
    [InlineData("sk-test-key")]
    public async Task Submit_WithoutSkBearerKey_Returns401(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/images/tasks")
        {
            Content = new StringContent(Gpt(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Host.Http.SendAsync(request);
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_api_key", (string?)json["error"]!["code"]);
    }

    [Fact]
    public async Task Query_WithoutKey_Returns401()
    {
        using var response = await Host.QueryAsync("task_whatever", apiKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Submit_ValidatesAuthBeforeBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/images/tasks")
        {
            Content = new StringContent("not json", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "nope");

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
