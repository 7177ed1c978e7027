using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;
using Workers.Tests.Shared;

namespace Workers.Providers.Tests.Http;

/// <summary>The DNS half of the reference checks, and the connect-time check, on a resolver the test controls.</summary>
public sealed class PublicAddressGuardTests
{
    [Fact]
    public async Task CheckReferenceAsync_NameResolvingToAPublicAddress_Passes()
    {
        var resolver = new FakeHostResolver().Add("cdn.example.com", "93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c");

        await Guard(resolver).CheckReferenceAsync("ReferenceImageUrls[0]", "https://cdn.example.com/a.png", CancellationToken.None);

        Assert.Equal(["cdn.example.com"], resolver.Lookups);
    }

    [Theory]
    [InlineData("10.1.2.3", "a private address (10.1.2.3)")]
    [InlineData("127.0.0.1", "a loopback address (127.0.0.1)")]
    [InlineData("169.254.169.254", "a cloud metadata address (169.254.169.254)")]
    [InlineData("::1", "a loopback address (::1)")]
    [InlineData("fd00::5", "a unique-local address (fd00::5)")]
    [InlineData("100.64.3.4", "a carrier-grade NAT address (100.64.3.4)")]
    [InlineData("0.0.0.0", "an unspecified address (0.0.0.0)")]
    public async Task CheckReferenceAsync_NameResolvingToANonPublicAddress_IsRejectedAsValidation(string address, string why)
    {
        var resolver = new FakeHostResolver().Add("rebind.example.com", address);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            Guard(resolver).CheckReferenceAsync("FirstFrameUrl", "https://rebind.example.com/a.png", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation), (ex.Kind, ex.Code));
        Assert.Equal($"FirstFrameUrl 'https://rebind.example.com/a.png' resolves to {why}.", ex.Message);
    }

    [Fact]
    public async Task CheckReferenceAsync_OneOfSeveralAddressesIsPrivate_IsRejected()
    {
        var resolver = new FakeHostResolver().Add("mixed.example.com", "93.184.215.14", "192.168.1.20");

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            Guard(resolver).CheckReferenceAsync("ReferenceImageUrls[2]", "https://mixed.example.com/a.png", CancellationToken.None));

        Assert.Equal("ReferenceImageUrls[2] 'https://mixed.example.com/a.png' resolves to a private address (192.168.1.20).", ex.Message);
    }

    [Theory]
    [InlineData(SocketError.HostNotFound)]
    [InlineData(SocketError.NoData)]
    public async Task CheckReferenceAsync_NameThatDoesNotResolve_IsRejectedAsValidation(SocketError error)
    {
        var resolver = new FakeHostResolver().Fail("gone.example.com", error);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            Guard(resolver).CheckReferenceAsync("FirstFrameUrl", "https://gone.example.com/a.png", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation), (ex.Kind, ex.Code));
        Assert.Equal("FirstFrameUrl 'https://gone.example.com/a.png' does not resolve.", ex.Message);
    }

    [Fact]
    public async Task CheckReferenceAsync_ResolverCannotAnswerNow_IsTransient()
    {
        var resolver = new FakeHostResolver().Fail("flaky.example.com", SocketError.TryAgain);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            Guard(resolver).CheckReferenceAsync("FirstFrameUrl", "https://flaky.example.com/a.png", CancellationToken.None));

        Assert.Equal(ProviderFailureKind.Transient, ex.Kind);
        Assert.Contains("TryAgain", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckReferenceAsync_ResolverNeverAnswers_IsTransientAfterTheTimeout()
    {
        var resolver = new FakeHostResolver().Hang("slow.example.com");

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            Guard(resolver, new ReferenceUrlOptions { ResolveTimeoutSeconds = 1 })
                .CheckReferenceAsync("FirstFrameUrl", "https://slow.example.com/a.png", CancellationToken.None));

        Assert.Equal(ProviderFailureKind.Transient, ex.Kind);
        Assert.Contains("within 1 s", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://10.0.0.1/a.png")]
    [InlineData("https://localhost/a.png")]
    [InlineData("https://metadata.google.internal/computeMetadata/v1/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://0x7f000001/a.png")]
    public async Task CheckReferenceAsync_RefusedWithoutDns_NeverAsksTheResolver(string url)
    {
        var resolver = new FakeHostResolver();

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => Guard(resolver).CheckReferenceAsync("f", url, CancellationToken.None));

        Assert.Equal(ProviderFailureKind.Rejected, ex.Kind);
        Assert.Empty(resolver.Lookups);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/a.png")]
    [InlineData("https://images.corp.internal/a.png")]
    public async Task CheckReferenceAsync_AllowListedHost_IsNotLookedUp(string url)
    {
        var resolver = new FakeHostResolver();

        await Guard(resolver, new ReferenceUrlOptions { AllowedHosts = ["127.0.0.1:5080", "images.corp.internal"] })
            .CheckReferenceAsync("f", url, CancellationToken.None);

        Assert.Empty(resolver.Lookups);
    }

    [Fact]
    public async Task CheckReferenceAsync_LiteralPublicAddress_NeedsNoLookup()
    {
        var resolver = new FakeHostResolver();

        await Guard(resolver).CheckReferenceAsync("f", "https://8.8.8.8/a.png", CancellationToken.None);

        Assert.Empty(resolver.Lookups);
    }

    [Fact]
    public async Task CreateHandler_NameResolvingToLoopback_IsRefusedAtConnectTimeAndNothingArrives()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var resolver = new FakeHostResolver().Add("rebind.example.com", "127.0.0.1");
        using var http = new HttpClient(Guard(resolver).CreateHandler());

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri($"http://rebind.example.com:{port}/a.png")));

        var refused = DownloadRefusedException.Find(ex);
        Assert.NotNull(refused);
        Assert.Equal("resolves to a loopback address (127.0.0.1)", refused.Message);
        Assert.False(listener.Pending());
    }

    [Fact]
    public async Task CreateHandler_AllowListedLoopbackHost_Connects()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var guard = Guard(new FakeHostResolver(), new ReferenceUrlOptions { AllowedHosts = [$"127.0.0.1:{port}"] });
        using var http = new HttpClient(guard.CreateHandler());
        using var stop = new CancellationTokenSource();

        var request = http.GetAsync(new Uri($"http://127.0.0.1:{port}/a.png"), stop.Token);
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(accepted.Connected);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request);
    }

    [Fact]
    public void AddPublicAddressGuard_AllowedHosts_AreBound()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ReferenceUrls:AllowedHosts:0"] = "127.0.0.1:5080" })
            .Build();
        using var services = new ServiceCollection().AddPublicAddressGuard(configuration).AddPublicAddressGuard(configuration).BuildServiceProvider();

        Assert.Equal(["127.0.0.1:5080"], services.GetRequiredService<IOptions<ReferenceUrlOptions>>().Value.AllowedHosts);
        Assert.IsType<SystemHostResolver>(services.GetRequiredService<IHostResolver>());
        Assert.Single(services.GetServices<PublicAddressGuard>());
    }

    private static PublicAddressGuard Guard(FakeHostResolver resolver, ReferenceUrlOptions? options = null) =>
        TestGuards.Create(options, resolver);
}
