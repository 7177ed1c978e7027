using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.Apikley.ApikleyCalls;

namespace Workers.ProviderSimulator.Tests.Apikley;

/// <summary>Result links: signed, expiring after 24 h by default, serving an MP4; download-url re-signs them for 20 min.</summary>
public sealed class ApikleyResultTests
{
    [Theory]
    [InlineData("landscape")]
    [InlineData("portrait")]
    public async Task Download_SucceededTask_ServesAnMp4(string aspectRatio)
    {
        await using var host = await SimulatorHost.StartAsync();
        var url = await SucceededUrlAsync(host, Body(("input.aspect_ratio", aspectRatio)));

        using var response = await host.Http.GetAsync(new Uri(url));

        response.EnsureSuccessStatusCode();
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.Apikley)).Downloads);
    }

    [Fact]
    public async Task Download_After24Hours_IsRefused()
    {
        await using var host = await SimulatorHost.StartAsync();
        var url = await SucceededUrlAsync(host, Body());

        host.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        using var stillValid = await host.Http.GetAsync(new Uri(url));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await host.Http.GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task Download_ConfiguredLifetime_IsUsed()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:ResultUrlLifetime=00:10:00"]);
        var url = await SucceededUrlAsync(host, Body());

        host.Clock.Advance(TimeSpan.FromMinutes(10));
        using var expired = await host.Http.GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task Download_TamperedLink_IsRefused()
    {
        await using var host = await SimulatorHost.StartAsync();
        var url = await SucceededUrlAsync(host, Body());
        var token = new Uri(url).Segments[2].TrimEnd('/');
        var tampered = url.Replace(token, token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1], StringComparison.Ordinal);

        using var response = await host.Http.GetAsync(new Uri(tampered));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("forged.token")]
    [InlineData("a.b")]
    public async Task Download_MalformedToken_IsRefusedNotAServerError(string token)
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Http.GetAsync(new Uri($"http://localhost/files/{token}/video.mp4"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task DownloadUrl_ForAnExpiredResultLink_GivesA20MinuteLink()
    {
        await using var host = await SimulatorHost.StartAsync();
        var url = await SucceededUrlAsync(host, Body());
        host.Clock.Advance(TimeSpan.FromDays(2));

        var fresh = await DownloadUrlAsync(host, url);
        using var ok = await host.Http.GetAsync(new Uri((string)fresh["data"]!));
        host.Clock.Advance(TimeSpan.FromMinutes(20));
        using var expired = await host.Http.GetAsync(new Uri((string)fresh["data"]!));

        Assert.Equal(200, (int?)fresh["code"]);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Theory]
    [InlineData("https://example.com/video.mp4")]
    [InlineData("http://localhost/files/forged.token/video.mp4")]
    [InlineData("not a url")]
    public async Task DownloadUrl_ForANonApikleyUrl_ReturnsCode422(string url)
    {
        await using var host = await SimulatorHost.StartAsync();

        var json = await DownloadUrlAsync(host, url);

        Assert.Equal(422, (int?)json["code"]);
    }

    [Fact]
    public async Task Credit_ReportsTheBalanceAfterCharges()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:Apikley:Balances:apikley-test-key=1000"]);
        await SucceededUrlAsync(host, Body());

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/chat/credit");
        Authorize(request, ApiKey);
        using var response = await host.Http.SendAsync(request);
        var json = await ReadJsonAsync(response);

        Assert.Equal(200, (int?)json["code"]);
        Assert.Equal(775m, (decimal?)json["data"]);
    }

    [Fact]
    public async Task Download_AfterReset_Returns404()
    {
        await using var host = await SimulatorHost.StartAsync();
        var url = await SucceededUrlAsync(host, Body());

        await host.Control.ResetAsync();
        using var response = await host.Http.GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<string> SucceededUrlAsync(SimulatorHost host, string body)
    {
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.Apikley, DurationMs = 0, Count = 1 });
        var taskId = await host.CreateOkAsync(body);
        return Assert.Single(ResultUrls(await host.RecordOkAsync(taskId)));
    }

    private static async Task<JsonObject> DownloadUrlAsync(SimulatorHost host, string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/common/download-url") { Content = JsonContent.Create(new { url }) };
        Authorize(request, ApiKey);
        using var response = await host.Http.SendAsync(request);
        return await ReadJsonAsync(response);
    }
}
