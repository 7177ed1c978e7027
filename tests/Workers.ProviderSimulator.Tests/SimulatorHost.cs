using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Workers.ProviderSimulator.Control;

namespace Workers.ProviderSimulator.Tests;

/// <summary>One simulator per test, in memory (TestServer) with a manual clock: tests share no state.</summary>
internal sealed class SimulatorHost : IAsyncDisposable
{
    public const string ApiKey = "sk-test-key";

    private readonly WebApplication app;

    private SimulatorHost(WebApplication app, ManualTimeProvider clock)
    {
        this.app = app;
        Clock = clock;
        Http = app.GetTestClient();
        Control = new SimulatorControlClient(Http);
    }

    public ManualTimeProvider Clock { get; }

    /// <summary>A client without credentials; UniAll calls add the key per request.</summary>
    public HttpClient Http { get; }

    public SimulatorControlClient Control { get; }

    /// <summary>The simulator's services, for tests that drive a shared part (e.g. the callback dispatcher) directly.</summary>
    public IServiceProvider Services => app.Services;

    /// <param name="args">Command-line style settings, e.g. <c>--Simulator:SpeedFactor=100</c>.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<SimulatorHost> StartAsync(string[]? args = null, CancellationToken cancellationToken = default)
    {
        var clock = new ManualTimeProvider();
        var app = SimulatorApp.Create(args ?? [], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await app.StartAsync(cancellationToken);
        return new SimulatorHost(app, clock);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
