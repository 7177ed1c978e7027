using System.Net.Http.Json;
using System.Text.Json;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Apikley;

namespace Workers.Providers.Tests.Apikley;

/// <summary>
/// <see cref="ApikleyOptions.UploadReferences"/>: Apikley fetches the first frame itself, so the simulator runs on a real
/// loopback port and fetches an image it serves.
/// </summary>
public sealed class ApikleyUploadTests : IAsyncLifetime
{
    // A 1×1 PNG.
    private const string PngBase64 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private ApikleySimulator sim = null!;

    public async Task InitializeAsync() => sim = await ApikleySimulator.StartOnLoopbackAsync(new ApikleyOptions { UploadReferences = true });

    public async Task DisposeAsync() => await sim.DisposeAsync();

    [Fact]
    public async Task PrepareAsync_UploadReferences_CopiesTheFirstFrameOnceAndSubmitsTheCopy()
    {
        var source = await PublishFrameAsync();
        var command = ApikleyCommands.Video("upload") with { FirstFrameUrl = source };
        Assert.Empty(sim.Provider.Validate(command));
        var prepared = new MemoryPreparedInputs();

        await sim.Provider.PrepareAsync(command, "default", prepared, CancellationToken.None);
        await sim.Provider.PrepareAsync(command, "default", prepared, CancellationToken.None);

        Assert.Equal(1, prepared.Saves);
        var copy = prepared.Find(ApikleyVideoProvider.FirstFramePreparedKey);
        Assert.NotNull(copy);
        Assert.NotEqual(source, copy);
        Assert.Equal(Convert.FromBase64String(PngBase64), await sim.Http.GetByteArrayAsync(new Uri(copy)));

        var submission = await sim.Provider.SubmitAsync(command,
            new SubmitContext { Account = "default", RequestId = command.RequestId, Prepared = prepared }, CancellationToken.None);
        var record = await sim.Client.GetRecordAsync(submission.TaskId, ApikleySimulator.Key, CancellationToken.None);
        using var param = JsonDocument.Parse(record.Param!);
        Assert.Equal(copy, param.RootElement.GetProperty("input").GetProperty("image_urls")[0].GetString());
    }

    [Fact]
    public async Task PrepareAsync_UploadReferencesOff_SubmitsTheUrlAsItIs()
    {
        var source = await PublishFrameAsync();
        var command = ApikleyCommands.Video("as-is") with { FirstFrameUrl = source };
        var prepared = new MemoryPreparedInputs();
        var urls = new ReferenceUrlOptions { AllowedHosts = [sim.Http.BaseAddress!.Authority] };
        var provider = new ApikleyVideoProvider(sim.Client, new FixedOptionsMonitor<ApikleyOptions>(new ApikleyOptions()),
            new FixedOptionsMonitor<ReferenceUrlOptions>(urls), TestGuards.Create(urls));

        await provider.PrepareAsync(command, "default", prepared, CancellationToken.None);

        Assert.Equal(0, prepared.Saves);
        Assert.Equal(source, ApikleyVideoProvider.ToRequest(command, prepared.Find(ApikleyVideoProvider.FirstFramePreparedKey) ?? command.FirstFrameUrl, null).Input.ImageUrls![0]);
    }

    [Fact]
    public async Task PrepareAsync_UrlApikleyCannotFetch_IsRejectedWithTheProvidersMessage()
    {
        var command = ApikleyCommands.Video("unreachable") with { FirstFrameUrl = new Uri(sim.Http.BaseAddress!, "/no-such-frame.png").ToString() };

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            sim.Provider.PrepareAsync(command, "default", new MemoryPreparedInputs(), CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, "400"), (ex.Kind, ex.ProviderCode));
    }

    [Theory]
    [InlineData("https://10.0.0.1/frame.png", "private address (10.0.0.1)")]
    [InlineData("ftp://127.0.0.1/frame.png", "not an absolute HTTPS URL")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/", "cloud metadata")]
    public async Task PrepareAsync_FirstFrameApikleyMustNotFetch_IsRefusedBeforeAnyUpload(string url, string why)
    {
        var command = ApikleyCommands.Video("private") with { FirstFrameUrl = url };

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            sim.Provider.PrepareAsync(command, "default", new MemoryPreparedInputs(), CancellationToken.None));

        // Apikley's own refusal would carry its code (400): this one is the fleet's, before any call.
        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, null), (ex.Kind, ex.Code, ex.ProviderCode));
        Assert.StartsWith($"FirstFrameUrl '{url}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Puts a PNG in the simulator's file store and returns its plain-HTTP address there.</summary>
    private async Task<string> PublishFrameAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/file-upload/api/file-base64-upload", UriKind.Relative))
        {
            Content = JsonContent.Create(new { base64Data = "data:image/png;base64," + PngBase64, uploadPath = "fixtures", fileName = "frame.png" }),
        };
        request.Headers.Authorization = new("Bearer", ApikleySimulator.Key);
        using var response = await sim.Http.SendAsync(request);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("data").GetProperty("fileUrl").GetString()!;
    }
}
