using System.Net;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.TopView;

namespace Workers.Providers.Tests.TopView;

/// <summary>The three-step upload of reference images against the simulator, with the images served by the test.</summary>
public sealed class TopViewUploadTests : IAsyncLifetime
{
    private const string Credential = "/v1/upload/credential";
    private const string Check = "/v1/upload/check";

    private TopViewHarness topView = null!;

    public async Task InitializeAsync() => topView = await TopViewHarness.StartAsync(o => o.MaxReferenceImageMegabytes = 1);

    public async Task DisposeAsync() => await topView.DisposeAsync();

    [Fact]
    public async Task PrepareAsync_Reference_IsUploadedInThreeStepsAndTheStoryboardAcceptsItsFileId()
    {
        var url = $"{ReferenceImages.Host}/cat.png";
        var command = TopViewHarness.Storyboard("refs") with { ReferenceImageUrls = [url] };
        var prepared = new MemoryPreparedInputs();

        await topView.Storyboards.PrepareAsync(command, "default", prepared, CancellationToken.None);

        var fileId = prepared.Find(url);
        Assert.False(string.IsNullOrEmpty(fileId));
        Assert.Equal(1, topView.TopView.Count(Credential));
        Assert.True(topView.TopView.Count(Check) >= 1);
        var put = Assert.Single(topView.Store.Seen);
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.False(put.Headers.Contains("Topview-Uid"));
        Assert.Null(put.Headers.Authorization);
        Assert.Equal("image/png", put.Content?.Headers.ContentType?.MediaType);

        var submission = await topView.Storyboards.SubmitAsync(command, TopViewHarness.Context(prepared), CancellationToken.None);
        var state = await topView.FollowAsync(TopViewHarness.TaskOf(GenerationKinds.Storyboard, command.Model!, submission));
        Assert.Equal(ProviderTaskPhase.Succeeded, state.Phase);
    }

    [Fact]
    public async Task PrepareAsync_AfterAPartialPreparation_UploadsOnlyWhatIsMissing()
    {
        var first = $"{ReferenceImages.Host}/a.png";
        var second = $"{ReferenceImages.Host}/b.png";
        var command = TopViewHarness.Storyboard("resume") with { ReferenceImageUrls = [first, second] };
        var prepared = new MemoryPreparedInputs();
        await topView.Uploader.UploadAllAsync([("ReferenceImageUrls[0]", first)], topView.Account, prepared, CancellationToken.None);
        var firstId = prepared.Find(first);
        Assert.Equal(1, topView.TopView.Count(Credential));

        await topView.Storyboards.PrepareAsync(command, "default", prepared, CancellationToken.None);
        await topView.Storyboards.PrepareAsync(command, "default", prepared, CancellationToken.None);

        Assert.Equal(2, topView.TopView.Count(Credential));
        Assert.Equal(firstId, prepared.Find(first));
        Assert.NotNull(prepared.Find(second));
    }

    [Fact]
    public async Task SubmitAsync_ReferenceNotPrepared_IsTransientAndSendsNothing()
    {
        var command = TopViewHarness.Storyboard("unprepared") with { ReferenceImageUrls = [$"{ReferenceImages.Host}/cat.png"] };

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            topView.Storyboards.SubmitAsync(command, TopViewHarness.Context(new MemoryPreparedInputs()), CancellationToken.None));

        Assert.Equal(ProviderFailureKind.Transient, ex.Kind);
        Assert.Empty(await topView.Control.GetSubmissionsAsync("topview"));
    }

    [Theory]
    [InlineData("/missing.png", "HTTP 404")]
    [InlineData("/page.png", "not a PNG")]
    [InlineData("/huge.png", "1 MB")]
    public async Task PrepareAsync_ReferenceAtFault_IsRejectedValidationNamingTheField(string path, string why)
    {
        var command = TopViewHarness.Video("bad-ref") with { FirstFrameUrl = ReferenceImages.Host + path };

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            topView.Videos.PrepareAsync(command, "default", new MemoryPreparedInputs(), CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation), (ex.Kind, ex.Code));
        Assert.StartsWith("FirstFrameUrl '", ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, topView.TopView.Count(Credential));
    }

    [Fact]
    public async Task PrepareAsync_ImageServedWithoutTypeOrExtension_IsRecognisedByItsBytes()
    {
        var url = $"{ReferenceImages.Host}/photo";
        var prepared = new MemoryPreparedInputs();

        await topView.Videos.PrepareAsync(TopViewHarness.Video("sniff") with { FirstFrameUrl = url }, "default", prepared, CancellationToken.None);

        Assert.NotNull(prepared.Find(url));
    }

    [Fact]
    public async Task PrepareAsync_ReferenceHostBusy_IsTransient()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => topView.Videos.PrepareAsync(
            TopViewHarness.Video("busy") with { FirstFrameUrl = $"{ReferenceImages.Host}/busy.png" }, "default", new MemoryPreparedInputs(),
            CancellationToken.None));

        Assert.Equal(ProviderFailureKind.Transient, ex.Kind);
    }

    [Theory]
    [InlineData(429, """{"code":"5003","message":"server busy","result":null}""", ProviderFailureKind.Transient)]
    [InlineData(200, """{"code":"5003","message":"server busy","result":null}""", ProviderFailureKind.Transient)]
    [InlineData(500, "<html>oops</html>", ProviderFailureKind.Transient)]
    [InlineData(200, """{"code":"4000","message":"format not supported","result":null}""", ProviderFailureKind.Rejected)]
    [InlineData(200, """{"code":"401","message":"Unauthorized","result":null}""", ProviderFailureKind.Rejected)]
    public async Task UploadAsync_CredentialRefused_IsClassifiedAndNamesTheField(int status, string body, ProviderFailureKind kind)
    {
        // The simulator injects no faults into uploads: TopView's answer is stubbed.
        using var api = new StubHandler(_ => new HttpResponseMessage((HttpStatusCode)status)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, body.StartsWith('{') ? "application/json" : "text/html"),
        });
        var client = new TopViewClient(Refit.RestService.ForGenerated<ITopViewApi>(new HttpClient(api) { BaseAddress = new Uri("https://api.topview.ai") },
            Refit.RefitSettings.ForJsonContext(TopViewJsonContext.Default)));
        var uploader = new TopViewReferenceUploader(client,
            new NamedHttpClients(new Dictionary<string, HttpMessageHandler>
            {
                [TopViewReferenceUploader.DownloadClient] = topView.References,
                [TopViewReferenceUploader.UploadClient] = topView.Store,
            }),
            new FixedOptionsMonitor<TopViewOptions>(topView.Options), TestGuards.Create(),
            TimeProvider.System);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            uploader.UploadAsync("FirstFrameUrl", $"{ReferenceImages.Host}/cat.png", topView.Account, CancellationToken.None));

        Assert.Equal(kind, ex.Kind);
        Assert.StartsWith("FirstFrameUrl '", ex.Message, StringComparison.Ordinal);
        Assert.Empty(topView.Store.Seen);
    }

    [Fact]
    public async Task PrepareAsync_UploadNeverVisible_IsTransientAfterTheConfiguredChecks()
    {
        // A store that answers 200 but keeps nothing: TopView's check never turns true.
        using var blackHole = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK));
        var options = new TopViewOptions { UploadCheckAttempts = 3, UploadCheckDelayMilliseconds = 1 };
        var uploader = new TopViewReferenceUploader(topView.Client,
            new NamedHttpClients(new Dictionary<string, HttpMessageHandler>
            {
                [TopViewReferenceUploader.DownloadClient] = topView.References,
                [TopViewReferenceUploader.UploadClient] = blackHole,
            }),
            new FixedOptionsMonitor<TopViewOptions>(options), TestGuards.Create(),
            TimeProvider.System);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            uploader.UploadAsync("FirstFrameUrl", $"{ReferenceImages.Host}/cat.png", topView.Account, CancellationToken.None));

        Assert.Equal(ProviderFailureKind.Transient, ex.Kind);
        Assert.Equal(3, topView.TopView.Count(Check));
    }

    [Fact]
    public async Task PrepareAsync_PlainHttpReference_IsRejectedWithoutDownloading()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => topView.Uploader.UploadAsync(
            "ReferenceImageUrls[0]", "http://intranet.example/cat.png", topView.Account, CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation), (ex.Kind, ex.Code));
        Assert.Empty(topView.References.Requests);
    }

    [Fact]
    public async Task PrepareAsync_RedirectedReference_IsFollowedAndUploaded()
    {
        var url = $"{ReferenceImages.Host}/moved.png";
        var prepared = new MemoryPreparedInputs();

        await topView.Videos.PrepareAsync(TopViewHarness.Video("moved") with { FirstFrameUrl = url }, "default", prepared, CancellationToken.None);

        Assert.NotNull(prepared.Find(url));
        Assert.Equal(["/moved.png", "/cat.png"], topView.References.Requests.Select(r => r.RequestUri!.AbsolutePath));
    }

    [Theory]
    [InlineData("/to-private.png", "was redirected to 'https://10.0.0.1/cat.png', which points to a private address (10.0.0.1)")]
    [InlineData("/to-plain-http.png", "was redirected to 'http://refs.example/cat.png', which is not an absolute HTTPS URL")]
    [InlineData("/loop.png", "redirects more than 5 times")]
    public async Task PrepareAsync_RedirectSomewhereNotAllowed_IsRejectedWithoutFollowingIt(string path, string why)
    {
        var url = ReferenceImages.Host + path;

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => topView.Videos.PrepareAsync(
            TopViewHarness.Video("redirect") with { FirstFrameUrl = url }, "default", new MemoryPreparedInputs(), CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation), (ex.Kind, ex.Code));
        Assert.Equal($"FirstFrameUrl '{url}' {why}.", ex.Message);
        Assert.DoesNotContain(topView.References.Requests, r => r.RequestUri!.Host != "refs.example" || r.RequestUri.Scheme != "https");
        Assert.Equal(0, topView.TopView.Count(Credential));
    }

    [Fact]
    public async Task PrepareAsync_ReferenceWhoseNameResolvesPrivately_IsRejectedWithoutDownloading()
    {
        var url = $"https://{TestGuards.PrivateName}/cat.png";

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => topView.Videos.PrepareAsync(
            TopViewHarness.Video("intranet") with { FirstFrameUrl = url }, "default", new MemoryPreparedInputs(), CancellationToken.None));

        Assert.Equal($"FirstFrameUrl '{url}' resolves to a private address (10.20.30.40).", ex.Message);
        Assert.Empty(topView.References.Requests);
    }
}
