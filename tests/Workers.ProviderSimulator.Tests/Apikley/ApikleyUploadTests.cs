using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workers.ProviderSimulator.Tests.Callbacks;
using static Workers.ProviderSimulator.Tests.Apikley.ApikleyCalls;

namespace Workers.ProviderSimulator.Tests.Apikley;

/// <summary>The three upload endpoints: stored in memory, served by downloadUrl (3 days) and fileUrl, bounded, cleared by reset.</summary>
public sealed class ApikleyUploadTests
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 1, 2, 3];

    [Fact]
    public async Task StreamUpload_ReturnsTheDocumentedDataAndServesTheBytes()
    {
        await using var host = await SimulatorHost.StartAsync();

        var json = await StreamUploadAsync(host, Png, "kitten.png", "images/user-uploads", fileName: null);
        var data = json["data"]!;

        Assert.Equal(true, (bool?)json["success"]);
        Assert.Equal(200, (int?)json["code"]);
        Assert.Equal("File uploaded successfully", (string?)json["msg"]);
        Assert.StartsWith("file_", (string?)data["fileId"], StringComparison.Ordinal);
        Assert.EndsWith(".png", (string?)data["fileName"], StringComparison.Ordinal);
        Assert.Equal("kitten.png", (string?)data["originalName"]);
        Assert.Equal(Png.Length, (long?)data["fileSize"]);
        Assert.Equal("image/png", (string?)data["mimeType"]);
        Assert.Equal("images/user-uploads", (string?)data["uploadPath"]);
        Assert.Equal(
            DateTimeOffset.Parse((string)data["uploadTime"]!, System.Globalization.CultureInfo.InvariantCulture) + TimeSpan.FromDays(3),
            DateTimeOffset.Parse((string)data["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        await AssertServesAsync(host, (string)data["downloadUrl"]!, Png, "image/png");
        await AssertServesAsync(host, (string)data["fileUrl"]!, Png, "image/png");
    }

    [Fact]
    public async Task Base64Upload_DataUrlAndRawBase64_AreStored()
    {
        await using var host = await SimulatorHost.StartAsync();

        var dataUrl = await JsonUploadAsync(host, "file-base64-upload", new { base64Data = "data:image/png;base64," + Convert.ToBase64String(Png), uploadPath = "images", fileName = "a.png" });
        var raw = await JsonUploadAsync(host, "file-base64-upload", new { base64Data = Convert.ToBase64String(Png), uploadPath = "images", fileName = "b.png" });

        Assert.Equal("image/png", (string?)dataUrl["data"]!["mimeType"]);
        Assert.Equal("a.png", (string?)dataUrl["data"]!["fileName"]);
        await AssertServesAsync(host, (string)dataUrl["data"]!["downloadUrl"]!, Png, "image/png");
        await AssertServesAsync(host, (string)raw["data"]!["downloadUrl"]!, Png, "image/png");
    }

    [Fact]
    public async Task UrlUpload_FetchesTheFileFromTheUrl()
    {
        await using var source = await CallbackReceiver.StartAsync();
        source.Reply = _ => (200, "remote bytes");
        await using var host = await SimulatorHost.StartAsync();

        var json = await JsonUploadAsync(host, "file-url-upload", new { fileUrl = source.Url("/pics/remote.json").ToString(), uploadPath = "remote" });

        Assert.Equal(200, (int?)json["code"]);
        Assert.Equal("remote.json", (string?)json["data"]!["originalName"]);
        Assert.Equal("application/json", (string?)json["data"]!["mimeType"]);
        await AssertServesAsync(host, (string)json["data"]!["downloadUrl"]!, "remote bytes"u8.ToArray(), "application/json");
    }

    [Theory]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("file:///etc/passwd")]
    [InlineData("a.png")]
    public async Task UrlUpload_NonHttpUrl_IsRefusedWithCode400(string url)
    {
        await using var host = await SimulatorHost.StartAsync();

        var json = await JsonUploadAsync(host, "file-url-upload", new { fileUrl = url, uploadPath = "remote" });

        Assert.Equal(false, (bool?)json["success"]);
        Assert.Equal(400, (int?)json["code"]);
        Assert.Contains("fileUrl", (string?)json["msg"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UrlUpload_RemoteErrorOrTooLarge_IsRefusedWithCode400()
    {
        await using var source = await CallbackReceiver.StartAsync();
        source.Reply = callback => callback.Path == "/missing" ? (404, "") : (200, new string('x', 2 * 1024 * 1024));
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:MaxUploadMegabytes=1"]);

        var missing = await JsonUploadAsync(host, "file-url-upload", new { fileUrl = source.Url("/missing").ToString(), uploadPath = "remote" });
        var large = await JsonUploadAsync(host, "file-url-upload", new { fileUrl = source.Url("/large").ToString(), uploadPath = "remote" });

        Assert.Equal(400, (int?)missing["code"]);
        Assert.Contains("404", (string?)missing["msg"], StringComparison.Ordinal);
        Assert.Equal(400, (int?)large["code"]);
        Assert.Contains("1 MB", (string?)large["msg"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/images")]
    [InlineData("images/")]
    [InlineData("images/../secret")]
    public async Task Upload_BadUploadPath_IsRefusedWithCode400(string? uploadPath)
    {
        await using var host = await SimulatorHost.StartAsync();

        var json = await JsonUploadAsync(host, "file-base64-upload", new { base64Data = Convert.ToBase64String(Png), uploadPath });

        Assert.Equal(400, (int?)json["code"]);
        Assert.Contains("uploadPath", (string?)json["msg"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_WithoutKey_IsRefusedWithCode401()
    {
        await using var host = await SimulatorHost.StartAsync();

        var json = await JsonUploadAsync(host, "file-base64-upload", new { base64Data = "aGVsbG8=", uploadPath = "images" }, apiKey: null);

        Assert.Equal(401, (int?)json["code"]);
    }

    [Fact]
    public async Task Upload_After3Days_IsGone()
    {
        await using var host = await SimulatorHost.StartAsync();
        var data = (await StreamUploadAsync(host, Png, "kitten.png", "images", "k.png"))["data"]!;

        host.Clock.Advance(TimeSpan.FromDays(3));
        using var download = await host.Http.GetAsync(new Uri((string)data["downloadUrl"]!));
        using var file = await host.Http.GetAsync(new Uri((string)data["fileUrl"]!));

        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Fact]
    public async Task Upload_SameNameTwice_Overwrites()
    {
        await using var host = await SimulatorHost.StartAsync();
        var first = (await StreamUploadAsync(host, Png, "a.png", "images", "same.png"))["data"]!;
        var second = (await StreamUploadAsync(host, [1, 2, 3], "b.png", "images", "same.png"))["data"]!;

        using var old = await host.Http.GetAsync(new Uri((string)first["downloadUrl"]!));

        Assert.Equal((string?)first["fileUrl"], (string?)second["fileUrl"]);
        Assert.Equal(HttpStatusCode.NotFound, old.StatusCode);
        await AssertServesAsync(host, (string)second["fileUrl"]!, [1, 2, 3], "image/png");
    }

    [Fact]
    public async Task Upload_OverTheStoreBound_DropsTheOldest()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:MaxUploadMegabytes=1", "--Simulator:Apikley:UploadStoreMegabytes=1"]);
        var big = new byte[700 * 1024];
        var first = (await StreamUploadAsync(host, big, "1.bin", "blobs", null))["data"]!;
        var second = (await StreamUploadAsync(host, big, "2.bin", "blobs", null))["data"]!;

        using var dropped = await host.Http.GetAsync(new Uri((string)first["fileUrl"]!));
        using var kept = await host.Http.GetAsync(new Uri((string)second["fileUrl"]!));

        Assert.Equal(HttpStatusCode.NotFound, dropped.StatusCode);
        Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_IsRefused()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:MaxUploadMegabytes=1"]);

        var json = await StreamUploadAsync(host, new byte[(1024 * 1024) + 1], "big.bin", "blobs", null);

        Assert.Equal(400, (int?)json["code"]);
    }

    [Fact]
    public async Task Upload_AfterReset_IsGone()
    {
        await using var host = await SimulatorHost.StartAsync();
        var data = (await StreamUploadAsync(host, Png, "kitten.png", "images", "k.png"))["data"]!;

        await host.Control.ResetAsync();
        using var file = await host.Http.GetAsync(new Uri((string)data["fileUrl"]!));

        Assert.Equal(HttpStatusCode.NotFound, file.StatusCode);
    }

    [Fact]
    public async Task Upload_DownloadUrl_IsAcceptedAsTheImageUrlOfATask()
    {
        await using var host = await SimulatorHost.StartAsync();
        var data = (await StreamUploadAsync(host, Png, "kitten.png", "images", null))["data"]!;

        await host.CreateOkAsync(Body(("input.image_urls", new[] { (string)data["downloadUrl"]! })));
    }

    private static async Task<JsonObject> StreamUploadAsync(SimulatorHost host, byte[] bytes, string originalName, string uploadPath, string? fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(originalName.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "application/octet-stream");
        form.Add(file, "file", originalName);
        form.Add(new StringContent(uploadPath), "uploadPath");
        if (fileName is not null)
        {
            form.Add(new StringContent(fileName), "fileName");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/file-upload/api/file-stream-upload") { Content = form };
        Authorize(request, ApiKey);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    private static async Task<JsonObject> JsonUploadAsync(SimulatorHost host, string endpoint, object body, string? apiKey = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/file-upload/api/{endpoint}") { Content = JsonContent.Create(body) };
        Authorize(request, apiKey);
        using var response = await host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }

    private static async Task AssertServesAsync(SimulatorHost host, string url, byte[] expected, string contentType)
    {
        using var response = await host.Http.GetAsync(new Uri(url));
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected, await response.Content.ReadAsByteArrayAsync());
    }
}
