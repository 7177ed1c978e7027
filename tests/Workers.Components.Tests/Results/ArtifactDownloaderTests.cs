using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workers.Components.Results;
using Workers.Contracts;
using Workers.Persistence;
using Workers.Persistence.Artifacts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;
using Workers.Tests.Shared;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Workers.Components.Tests.Results;

/// <summary>
/// <see cref="ArtifactDownloader"/> as the fleet registers it, against a real loopback server the test scripts: where a
/// result link may lead, how big it may be, how long it may stall. Only the server's own address is allow-listed.
/// </summary>
public sealed class ArtifactDownloaderTests : IAsyncLifetime
{
    private const int MaxBytes = 1000;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly ConcurrentDictionary<string, int> served = new(StringComparer.Ordinal);
    private readonly MemoryArtifactStore store = new();
    private readonly FakeHostResolver resolver = new();
    private WebApplication server = null!;
    private ServiceProvider services = null!;
    private Uri origin = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        server = builder.Build();
        server.Use(async (context, next) =>
        {
            served.AddOrUpdate(context.Request.Path.Value!, 1, (_, n) => n + 1);
            await next(context);
        });
        server.MapGet("/ok.png", () => HttpResults.Bytes(Png, "image/png"));
        server.MapGet("/moved", () => HttpResults.Redirect("/ok.png"));
        server.MapGet("/loop", () => HttpResults.Redirect("/loop"));
        server.MapGet("/gone", () => HttpResults.NotFound());
        server.MapGet("/to-private", () => HttpResults.Redirect("https://10.0.0.1/ok.png"));
        server.MapGet("/to-metadata", () => HttpResults.Redirect("http://169.254.169.254/latest/meta-data/iam/"));
        server.MapGet("/to-rebind", (HttpContext context) => HttpResults.Redirect($"https://rebind.example.com:{context.Connection.LocalPort}/ok.png"));
        server.MapGet("/to-loopback-port", (HttpContext context) => HttpResults.Redirect($"http://127.0.0.1:{context.Connection.LocalPort + 1}/ok.png"));
        server.MapGet("/big", async (HttpContext context) =>
        {
            context.Response.ContentType = "image/png";
            context.Response.ContentLength = 10 * MaxBytes;
            await context.Response.Body.WriteAsync(new byte[10 * MaxBytes], context.RequestAborted);
        });
        server.MapGet("/chunked-big", async (HttpContext context) =>
        {
            context.Response.ContentType = "image/png";
            for (var i = 0; i < 10; i++)
            {
                await context.Response.Body.WriteAsync(new byte[MaxBytes / 2], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });
        server.MapGet("/stall", async (HttpContext context) =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(Png.AsMemory(0, 16), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(Timeout.InfiniteTimeSpan, context.RequestAborted);
        });
        server.MapGet("/drip", async (HttpContext context) =>
        {
            context.Response.ContentType = "image/png";
            while (!context.RequestAborted.IsCancellationRequested)
            {
                await context.Response.Body.WriteAsync(new byte[1], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await Task.Delay(100, context.RequestAborted);
            }
        });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        origin = new Uri(address);
        resolver.Add("rebind.example.com", "127.0.0.1");

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReferenceUrls:AllowedHosts:0"] = origin.Authority,
            ["Fleet:Downloads:MaxRetries"] = "0",
        }).Build();
        services = new ServiceCollection()
            .AddSingleton<IHostResolver>(resolver)
            .AddSingleton<IArtifactStore>(store)
            .Configure<FleetOptions>(o => (o.DownloadReadIdleSeconds, o.DownloadTimeoutSeconds) = (1, 30))
            .Configure<PersistenceOptions>(o => o.MaxArtifactBytes = MaxBytes)
            .AddArtifactDownloader(configuration)
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    [Fact]
    public async Task CopyAsync_AllowListedOrigin_StoresTheBytes()
    {
        var artifact = await CopyAsync("/ok.png");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Png)), artifact.Sha256);
        Assert.Equal((1, 1), (artifact.Width, artifact.Height));
    }

    [Fact]
    public async Task CopyAsync_RedirectWithinTheAllowList_IsFollowed()
    {
        var artifact = await CopyAsync("/moved");

        Assert.Equal(Png.Length, artifact.SizeBytes);
        Assert.Equal(1, served.GetValueOrDefault("/ok.png"));
    }

    [Theory]
    [InlineData("/to-private", "was redirected to 'https://10.0.0.1/ok.png', which points to a private address (10.0.0.1)")]
    [InlineData("/to-metadata", "which is not an absolute HTTPS URL")]
    [InlineData("/to-loopback-port", "which is not an absolute HTTPS URL")]
    [InlineData("/to-rebind", "which resolves to a loopback address (127.0.0.1)")]
    [InlineData("/loop", "redirects more than 5 times")]
    public async Task CopyAsync_RedirectOutOfTheAllowedSpace_IsRefusedAndNotFollowed(string path, string why)
    {
        var ex = await Assert.ThrowsAsync<ArtifactRefusedException>(() => CopyAsync(path));

        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Result 0 at {origin}{path.TrimStart('/')} ", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, served.GetValueOrDefault("/ok.png"));
        Assert.Equal(0, store.Puts);
    }

    [Fact]
    public async Task CopyAsync_NameResolvingToLoopback_IsRefusedAtConnectTimeAndNothingIsRequested()
    {
        var url = $"https://rebind.example.com:{origin.Port}/ok.png";

        var ex = await Assert.ThrowsAsync<ArtifactRefusedException>(() => Downloader().CopyAsync(0, Item, url, CancellationToken.None));

        Assert.Equal($"Result 0 at {url} resolves to a loopback address (127.0.0.1).", ex.Message);
        Assert.Empty(served);
    }

    [Theory]
    [InlineData("https://10.0.0.1/a.png", "points to a private address (10.0.0.1)")]
    [InlineData("https://[::1]/a.png", "points to a loopback address (::1)")]
    [InlineData("http://cdn.example.com/a.png", "is not an absolute HTTPS URL")]
    [InlineData("file:///etc/passwd", "is not an absolute HTTPS URL")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/", "names a cloud metadata service (metadata.google.internal)")]
    public async Task CopyAsync_LinkToANonPublicPlace_IsRefusedWithoutALookup(string url, string why)
    {
        var ex = await Assert.ThrowsAsync<ArtifactRefusedException>(() => Downloader().CopyAsync(0, Item, url, CancellationToken.None));

        Assert.Equal($"Result 0 at {url} {why}.", ex.Message);
        Assert.Empty(resolver.Lookups);
    }

    [Fact]
    public async Task CopyAsync_ContentLengthOverTheCap_IsRefusedBeforeTheBodyIsRead()
    {
        var ex = await Assert.ThrowsAsync<ArtifactRefusedException>(() => CopyAsync("/big"));

        Assert.Contains($"is {10 * MaxBytes} bytes; at most {MaxBytes} bytes are accepted", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Puts);
    }

    [Fact]
    public async Task CopyAsync_ChunkedBodyOverTheCap_IsAbortedWhileReading()
    {
        var ex = await Assert.ThrowsAsync<ArtifactRefusedException>(() => CopyAsync("/chunked-big"));

        Assert.Contains($"is larger than {MaxBytes} bytes", ex.Message, StringComparison.Ordinal);
        Assert.True(store.LastRead <= MaxBytes + (MaxBytes / 2));
        Assert.Equal(0, store.Stored);
    }

    [Fact]
    public async Task CopyAsync_BodyThatStalls_IsAbortedAfterTheIdleTimeout()
    {
        var ex = await Assert.ThrowsAsync<ArtifactRefusedException>(() => CopyAsync("/stall"));

        Assert.Contains("sent no data for 1 s", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Stored);
    }

    [Fact]
    public async Task CopyAsync_BodySlowerThanTheTotalLimit_IsAborted()
    {
        await using var slow = new ServiceCollection()
            .AddSingleton<IHostResolver>(resolver)
            .AddSingleton<IArtifactStore>(store)
            .Configure<FleetOptions>(o => (o.DownloadReadIdleSeconds, o.DownloadTimeoutSeconds) = (30, 1))
            .AddArtifactDownloader(new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["ReferenceUrls:AllowedHosts:0"] = origin.Authority }).Build())
            .BuildServiceProvider();

        var ex = await Assert.ThrowsAsync<ArtifactRefusedException>(() =>
            slow.GetRequiredService<ArtifactDownloader>().CopyAsync(0, Item, new Uri(origin, "/drip").ToString(), CancellationToken.None));

        Assert.Contains("did not download within 1 s", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyAsync_StoreRefusesTheSize_IsARefusalNotAnEscape()
    {
        store.TooLarge = true;

        var ex = await Assert.ThrowsAsync<ArtifactRefusedException>(() => CopyAsync("/ok.png"));

        Assert.Contains($"is larger than the {MaxBytes} bytes the store accepts", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CopyAsync_LinkNoLongerServed_IsStillUnavailableForAFreshLink() =>
        await Assert.ThrowsAsync<ArtifactUnavailableException>(() => CopyAsync("/gone"));

    private static ProviderResultItem Item => new() { Role = ArtifactRoles.Image, Url = "unused" };

    private ArtifactDownloader Downloader() => services.GetRequiredService<ArtifactDownloader>();

    private Task<GeneratedArtifact> CopyAsync(string path) => Downloader().CopyAsync(0, Item, new Uri(origin, path).ToString(), CancellationToken.None);

    /// <summary>Reads what it is given to the end, as the PostgreSQL store does, and keeps nothing.</summary>
    private sealed class MemoryArtifactStore : IArtifactStore
    {
        public int Puts { get; private set; }

        public int Stored { get; private set; }

        public long LastRead { get; private set; }

        public bool TooLarge { get; set; }

        public async Task<StoredArtifact> PutAsync(Stream content, string contentType, CancellationToken cancellationToken)
        {
            Puts++;
            LastRead = 0;
            using var copy = new MemoryStream();
            var buffer = new byte[256];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                LastRead += read;
                await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            if (TooLarge)
            {
                throw new ArtifactTooLargeException(MaxBytes);
            }

            Stored++;
            var sha = Convert.ToHexStringLower(SHA256.HashData(copy.ToArray()));
            return new StoredArtifact(sha, copy.Length, contentType, $"memory://{sha}");
        }

        public Task<StoredArtifact?> FindAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult<StoredArtifact?>(null);

        public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken) => Task.FromResult<Stream?>(null);
    }
}
