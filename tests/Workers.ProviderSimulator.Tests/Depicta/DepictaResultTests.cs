using System.Net;
using static Workers.ProviderSimulator.Tests.Depicta.DepictaCalls;

namespace Workers.ProviderSimulator.Tests.Depicta;

/// <summary>Result links download real images: every scene in png, jpeg and webp at the story's size, and the portraits.</summary>
public sealed class DepictaResultTests
{
    [Theory]
    [InlineData(null, null, 1024, 1024)]
    [InlineData("16:9", null, 1024, 576)]
    [InlineData("3:4", "2K", 1536, 2048)]
    public async Task Download_CompletedStory_ServesEverySceneInEveryFormatAtTheStorySize(string? ratio, string? size, int width, int height)
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script());
        var jobId = await host.SubmitOkAsync(Story(("aspect_ratio", ratio), ("image_size", size)));
        var scenes = (await host.PollOkAsync(jobId))["result"]!["scenes"]!.AsArray();

        foreach (var scene in scenes)
        {
            foreach (var (key, format, contentType) in new[] { ("png", "png", "image/png"), ("jpeg", "jpeg", "image/jpeg"), ("webp", "webp", "image/webp") })
            {
                using var response = await host.Http.GetAsync(new Uri((string)scene!["images"]![key]!));
                response.EnsureSuccessStatusCode();
                Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
                Assert.Equal((format, width, height), ImageHeaders.Read(await response.Content.ReadAsByteArrayAsync()));
            }
        }
    }

    [Fact]
    public async Task Download_SceneOverride_UsesTheScenesRatio()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script());
        var jobId = await host.SubmitOkAsync(Story(
            ("aspect_ratio", "16:9"),
            ("scenes", new object[] { new { prompt = "a", aspect_ratio = "9:16" }, new { prompt = "b" } })));
        var scenes = (await host.PollOkAsync(jobId))["result"]!["scenes"]!.AsArray();

        using var first = await host.Http.GetAsync(new Uri((string)scenes[0]!["images"]!["png"]!));
        using var second = await host.Http.GetAsync(new Uri((string)scenes[1]!["images"]!["png"]!));

        Assert.Equal(("png", 576, 1024), ImageHeaders.Read(await first.Content.ReadAsByteArrayAsync()));
        Assert.Equal(("png", 1024, 576), ImageHeaders.Read(await second.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task Download_CharacterPortraits_ArePngImages()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script());
        var jobId = await host.SubmitOkAsync(Story());
        var characters = (await host.PollOkAsync(jobId))["result"]!["characters"]!.AsArray();

        var urls = characters.Select(character => (string)character!["reference_url"]!).ToList();
        Assert.Equal(2, urls.Distinct().Count());
        foreach (var url in urls)
        {
            using var response = await host.Http.GetAsync(new Uri(url));
            response.EnsureSuccessStatusCode();
            Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(("png", 1024, 1024), ImageHeaders.Read(await response.Content.ReadAsByteArrayAsync()));
        }
    }

    [Fact]
    public async Task Download_EachScene_IsADifferentImage()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script());
        var jobId = await host.SubmitOkAsync(Story(("scenes", Scenes(3))));
        var scenes = (await host.PollOkAsync(jobId))["result"]!["scenes"]!.AsArray();

        var images = new List<string>();
        foreach (var scene in scenes)
        {
            images.Add(Convert.ToHexString(await host.Http.GetByteArrayAsync(new Uri((string)scene!["images"]!["png"]!))));
        }

        Assert.Equal(3, images.Distinct().Count());
    }

    [Fact]
    public async Task Download_AfterAnHour_IsRefused403()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script());
        var jobId = await host.SubmitOkAsync(Story());
        var url = (string)(await host.PollOkAsync(jobId))["result"]!["scenes"]![0]!["images"]!["png"]!;

        host.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        using var expired = await host.Http.GetAsync(new Uri(url));
        var fresh = (string)(await host.PollOkAsync(jobId))["result"]!["scenes"]![0]!["images"]!["png"]!;
        using var renewed = await host.Http.GetAsync(new Uri(fresh));

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
    }

    [Fact]
    public async Task Download_ForgedLink_IsRefused403()
    {
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(Script());
        var jobId = await host.SubmitOkAsync(Story());
        var url = (string)(await host.PollOkAsync(jobId))["result"]!["scenes"]![0]!["images"]!["png"]!;

        // Flip one character of the signature (the part after the dot in the token).
        var dot = url.LastIndexOf('.', url.LastIndexOf('/'));
        var forged = string.Concat(url.AsSpan(0, dot + 1), url[dot + 1] == 'A' ? "B" : "A", url.AsSpan(dot + 2));
        using var response = await host.Http.GetAsync(new Uri(forged));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
