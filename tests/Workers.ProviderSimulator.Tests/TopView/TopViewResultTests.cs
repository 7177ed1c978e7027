using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workers.ProviderSimulator.Scripts;
using Workers.ProviderSimulator.TopView;
using static Workers.ProviderSimulator.Tests.TopView.TopViewCalls;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary>Downloaded results: a PNG storyboard grid of the right size, and one MP4 per generatingCount.</summary>
public sealed class TopViewResultTests
{
    public static TheoryData<string, int, int, int, int> Storyboards => new()
    {
        // body, width, height, grid columns, grid rows
        { Storyboard(("resolution", "2K")), 2048, 1152, 3, 3 },
        { Storyboard(("resolution", "1K"), ("aspectRatio", "9:16"), ("gridSize", "4")), 576, 1024, 2, 2 },
        { Storyboard(("model", "Nano Banana 2"), ("resolution", "512p"), ("aspectRatio", "1:1"), ("gridSize", "25")), 512, 512, 5, 5 },
        { Storyboard(("resolution", "1K"), ("gridMode", "custom"), ("gridSize", "6")), 1024, 576, 3, 2 },
        { Storyboard(("resolution", "1K"), ("aspectRatio", "9:16"), ("gridMode", "custom"), ("gridSize", "2")), 576, 1024, 1, 2 },
        { Storyboard(("resolution", "1K"), ("gridMode", "auto"), ("targetDurationSeconds", 60)), 1024, 576, 5, 5 },
    };

    [Theory]
    [MemberData(nameof(Storyboards))]
    public async Task Download_Storyboard_ServesOnePngGridOfTheResolutionAndRatio(string body, int width, int height, int columns, int rows)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 0 });
        var taskId = await host.SubmitOkAsync(StoryboardPath, body);
        var result = await host.QueryOkAsync(StoryboardPath, taskId);

        var image = Assert.Single(result["images"]!.AsArray())!;
        Assert.Equal("success", (string?)image["status"]);
        Assert.Equal((width, height), ((int)image["width"]!, (int)image["height"]!));
        Assert.False(string.IsNullOrEmpty((string?)image["fileId"]));
        using var response = await host.Http.GetAsync(new Uri((string)image["filePath"]!));
        response.EnsureSuccessStatusCode();
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(("png", width, height), ImageHeaders.Read(await response.Content.ReadAsByteArrayAsync()));
        var order = Assert.IsType<TopViewStoryboardOrder>(host.Services.GetRequiredService<TopViewTaskStore>().Find(taskId)!.Order);
        Assert.Equal((columns, rows), (order.Columns, order.Rows));
    }

    [Theory]
    [InlineData(1, 720, "16:9", 1280, 720)]
    [InlineData(4, 1080, "16:9", 1920, 1080)]
    public async Task Download_Video_ServesOneMp4PerGeneratingCount(int count, int resolution, string ratio, int width, int height)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 0 });
        var taskId = await host.SubmitOkAsync(
            VideoPath, ImageToVideo(("generatingCount", count), ("resolution", resolution), ("aspectRatio", ratio), ("duration", 5)));
        var result = await host.QueryOkAsync(VideoPath, taskId);

        var videos = result["videos"]!.AsArray();
        Assert.Equal(count, videos.Count);
        Assert.Equal(count, videos.Select(video => (string)video!["filePath"]!).Distinct().Count());
        foreach (var video in videos)
        {
            Assert.Equal((width, height, 5), ((int)video!["width"]!, (int)video["height"]!, (int)video["duration"]!));
            Assert.EndsWith(".mp4", (string)video["filePath"]!, StringComparison.Ordinal);
            using var response = await host.Http.GetAsync(new Uri((string)video["filePath"]!));
            response.EnsureSuccessStatusCode();
            Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
            Assert.NotEmpty(await response.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("Seedance 1.5 Pro", 720, "off", 5, 1, 0.60)]
    [InlineData("Seedance 1.5 Pro", 1080, "on", 10, 2, 8.16)]
    [InlineData("Sora 2", 720, "off", 8, 3, 13.44)]
    public async Task CostCredit_IsRateTimesDurationTimesCount(string model, int resolution, string sound, int duration, int count, double credits)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 0 });
        var taskId = await host.SubmitOkAsync(
            VideoPath, ImageToVideo(("model", model), ("resolution", resolution), ("sound", sound), ("duration", duration), ("generatingCount", count)));

        var result = await host.QueryOkAsync(VideoPath, taskId);

        Assert.Equal((decimal)credits, (decimal)result["costCredit"]!);
        Assert.Equal((decimal)credits, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).CreditsCharged);
    }

    [Fact]
    public async Task Download_ExpiredOrForgedLink_Returns403()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 0 });
        var taskId = await host.SubmitOkAsync(VideoPath, ImageToVideo());
        var url = (string)(await host.QueryOkAsync(VideoPath, taskId))["videos"]![0]!["filePath"]!;
        var forged = url.Replace("/files/", "/files/x", StringComparison.Ordinal);

        using var forgedResponse = await host.Http.GetAsync(new Uri(forged));
        host.Clock.Advance(TimeSpan.FromHours(1));
        using var expiredResponse = await host.Http.GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.Forbidden, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expiredResponse.StatusCode);
    }
}
