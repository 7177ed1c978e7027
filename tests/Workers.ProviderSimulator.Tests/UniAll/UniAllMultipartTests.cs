using System.Net;
using System.Net.Http.Headers;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.UniAll;

/// <summary>Seed 004 §5.3: the same submission as multipart/form-data, with the reference image as a file part.</summary>
public sealed class UniAllMultipartTests
{
    private static readonly byte[] ReferencePng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Submit_MultipartWithImagePart_InfersImageToImage()
    {
        await using var host = await SimulatorHost.StartAsync();
        using var form = Form(("model", "gpt-image-2"), ("prompt", "keep the subject, studio light"), ("size", "1024x1024"),
            ("quality", "medium"), ("output_format", "png"), ("n", "2"), ("response_format", "url"));
        form.Add(ImagePart(ReferencePng), "image", "input.png");

        using var response = await SendAsync(host, form);
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("queued", (string?)json["status"]);
        Assert.Equal("image2image", (string?)json["metadata"]!["task_type"]);
        var submission = Assert.Single(await host.Control.GetSubmissionsAsync(SimulatedProviders.UniAll));
        Assert.Equal(2, submission.N);
        Assert.Equal("keep the subject, studio light", submission.Prompt);
    }

    [Fact]
    public async Task Submit_MultipartWithoutImage_IsTextToImage()
    {
        await using var host = await SimulatorHost.StartAsync();
        using var form = Form(("model", "NanoBanana2-0.5K"), ("prompt", "a red cube"), ("aspect_ratio", "16:9"));

        using var response = await SendAsync(host, form);
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text2image", (string?)json["metadata"]!["task_type"]);
    }

    [Theory]
    [InlineData("n", "two", "invalid_value", "n")]
    [InlineData("n", "9", "invalid_value", "n")]
    [InlineData("size", "1024x1025", "invalid_value", "size")]
    [InlineData("task_type", "image2image", "missing_required_parameter", "image")]
    public async Task Submit_MultipartBreakingARule_Returns400(string field, string value, string code, string param)
    {
        await using var host = await SimulatorHost.StartAsync();
        var fields = new Dictionary<string, string> { ["model"] = "gpt-image-2", ["prompt"] = "p", ["size"] = "1024x1024" };
        fields[field] = value;
        using var form = Form([.. fields.Select(pair => (pair.Key, pair.Value))]);

        using var response = await SendAsync(host, form);
        var json = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (string?)json["error"]!["code"]);
        Assert.Equal(param, (string?)json["error"]!["param"]);
    }

    [Fact]
    public async Task Submit_MultipartWithEmptyImageFile_Returns400()
    {
        await using var host = await SimulatorHost.StartAsync();
        using var form = Form(("model", "gpt-image-2"), ("prompt", "p"), ("size", "1024x1024"));
        form.Add(ImagePart([]), "image", "empty.png");

        using var response = await SendAsync(host, form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static MultipartFormDataContent Form(params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    private static ByteArrayContent ImagePart(byte[] bytes)
    {
        var part = new ByteArrayContent(bytes);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return part;
    }

    private static async Task<HttpResponseMessage> SendAsync(SimulatorHost host, MultipartFormDataContent form, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/images/tasks") { Content = form };
        Authorize(request, SimulatorHost.ApiKey);
        return await host.Http.SendAsync(request, cancellationToken);
    }
}
