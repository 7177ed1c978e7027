using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.UniAll;

/// <summary>
/// Downloaded results are real images of the requested format and size. The JPEG and WebP rows need the real
/// placeholder encoder (the temporary imaging stub renders every format as PNG).
/// </summary>
public sealed class UniAllResultTests
{
    public static TheoryData<string, string, string, int, int, int> Results => new()
    {
        // body, content type, format, width, height, result count
        { Gpt(("size", "1024x768"), ("n", 2)), "image/png", "png", 1024, 768, 2 },
        { Gpt(("size", "864x2016"), ("output_format", "png")), "image/png", "png", 864, 2016, 1 },
        { Gpt(("size", "1536x1024"), ("output_format", "jpeg")), "image/jpeg", "jpeg", 1536, 1024, 1 },
        { Gpt(("size", "1024x1024"), ("output_format", "webp"), ("n", 3)), "image/webp", "webp", 1024, 1024, 3 },
        { Nano("NanoBanana2-1K", ("aspect_ratio", "16:9")), "image/png", "png", 1024, 576, 1 },
        { Nano("NanoBananaPro-2K", ("aspect_ratio", "3:4")), "image/png", "png", 1536, 2048, 1 },
        { Nano("NanoBanana2-0.5K", ("output_format", "jpeg")), "image/jpeg", "jpeg", 512, 512, 1 },
        { Nano("NanoBanana", ("aspect_ratio", "9:16"), ("output_format", "webp")), "image/webp", "webp", 576, 1024, 1 },
        { Nano("NanoBanana", ("n", 4)), "image/png", "png", 1024, 1024, 1 },
        { Nano("NanoBananaPro-8K", ("aspect_ratio", "21:9")), "image/png", "png", 4096, 1752, 1 },
        { Nano("grok-imagine-image-quality", ("aspect_ratio", "16:9")), "image/png", "png", 2048, 1152, 1 },
    };

    [Theory]
    [MemberData(nameof(Results))]
    public async Task Download_SucceededTask_ServesImagesOfTheRequestedFormatAndSize(
        string body,
        string contentType,
        string format,
        int width,
        int height,
        int count)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, DurationMs = 0 });
        var taskId = await host.SubmitOkAsync(body);
        var task = await host.QueryOkAsync(taskId);
        var urls = task["metadata"]!["result_urls"]!.AsArray().Select(url => (string)url!).ToList();

        Assert.Equal(count, urls.Count);
        foreach (var url in urls)
        {
            Assert.EndsWith("." + (format == "jpeg" ? "jpg" : format), url, StringComparison.Ordinal);
            using var response = await host.Http.GetAsync(new Uri(url));
            response.EnsureSuccessStatusCode();
            Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
            var header = ImageHeaders.Read(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal((format, width, height), header);
        }
    }

    [Fact]
    public async Task Download_AfterReset_Returns404()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, DurationMs = 1000 });
        var taskId = await host.SubmitOkAsync(Gpt());
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var url = (string)(await host.QueryOkAsync(taskId))["result_url"]!;

        await host.Control.ResetAsync();
        using var response = await host.Http.GetAsync(new Uri(url));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
