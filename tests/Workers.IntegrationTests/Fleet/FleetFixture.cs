using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workers.Components;
using Workers.Components.Callbacks;
using Workers.IntegrationTests.Infrastructure;
using Workers.Persistence.Artifacts;
using Workers.Persistence.Generations;
using Workers.Providers.Http;
using Workers.ProviderSimulator;
using Workers.ProviderSimulator.Control;
using Workers.Tests.Shared;

namespace Workers.IntegrationTests.Fleet;

/// <summary>
/// The whole fleet on real parts: its own RabbitMQ virtual host, its own PostgreSQL database, the provider simulator
/// on a loopback port serving all five APIs, the fleet host with every role (its callback endpoint on a loopback port
/// too), and an observer bus collecting the events. One per test class, so classes run in parallel and the simulator's
/// counters belong to one class's tests.
/// </summary>
public class FleetFixture : IAsyncLifetime
{
    private readonly PostgresTestDatabase database = PostgresTestDatabase.CreateEmpty();
    private WebApplication? simulator;
    private WebApplication? fleet;

    public RabbitMqTestVirtualHost Broker { get; } = new();

    public FleetEvents Events { get; private set; } = null!;

    public SimulatorControlClient Simulator { get; private set; } = null!;

    public HttpClient SimulatorHttp { get; } = new();

    /// <summary>What the fleet logged, at <see cref="FleetLogLevel"/> and above.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>A public-looking name whose DNS answer (from <see cref="Resolver"/>) is a private address.</summary>
    public const string PrivateName = "intranet.example.com";

    /// <summary>
    /// The fleet's DNS: a table, so no test needs the machine's resolver. The simulator is reached by its loopback
    /// address (allow-listed), which needs no lookup; <see cref="PrivateName"/> resolves to 10.20.30.40.
    /// </summary>
    internal FakeHostResolver Resolver { get; } = new FakeHostResolver().Add(PrivateName, "10.20.30.40");

    /// <summary>The fleet's own HTTP address (health, callbacks).</summary>
    public Uri FleetAddress { get; private set; } = null!;

    /// <summary>The fleet's own database, for tests that look at or tamper with it directly.</summary>
    public string DatabaseConnectionString => database.ConnectionString;

    public GenerationStore Generations => fleet!.Services.GetRequiredService<GenerationStore>();

    public IArtifactStore Artifacts => fleet!.Services.GetRequiredService<IArtifactStore>();

    /// <summary>The least severe log level the fleet writes (to <see cref="Logs"/>).</summary>
    protected virtual LogLevel FleetLogLevel => LogLevel.Warning;

    /// <summary>The fleet's own services (its providers, its options).</summary>
    public IServiceProvider Services => fleet!.Services;

    /// <summary>The simulator's speed factor: its default run times divided by this.</summary>
    protected virtual double SpeedFactor => 50;

    /// <summary>Extra simulator settings (<c>--Simulator:…=…</c>).</summary>
    protected virtual IEnumerable<string> SimulatorArguments => [];

    /// <summary>Fleet settings on top of the defaults; a poll schedule fast enough for tests unless overridden.</summary>
    protected virtual IReadOnlyDictionary<string, string?> FleetSettings(Uri simulatorAddress) => new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await Broker.InitializeAsync();
        simulator = SimulatorApp.Create(
            ["--urls", "http://127.0.0.1:0", $"--Simulator:SpeedFactor={SpeedFactor}", .. SimulatorArguments],
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await simulator.StartAsync();
        SimulatorHttp.BaseAddress = SimulatorApp.GetBaseAddress(simulator);
        Simulator = new SimulatorControlClient(SimulatorHttp);

        FleetAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var settings = new Dictionary<string, string?>
        {
            ["RabbitMq:Url"] = Broker.AmqpUri.ToString(),
            ["Postgres:ConnectionString"] = database.ConnectionString,
            [$"{CallbackOptions.SectionName}:PublicBaseUrl"] = FleetAddress.ToString(),
            ["ReferenceUrls:AllowedHosts:0"] = SimulatorHttp.BaseAddress.Authority,
        };
        foreach (var provider in new[] { "UniAll", "TopView", "Apikley", "Depicta" })
        {
            settings[$"Providers:{provider}:BaseUrl"] = SimulatorHttp.BaseAddress.ToString();
            settings[$"Providers:{provider}:SubmitRetry:DelaySeconds"] = "1";
            foreach (var polling in new[] { "Polling", "StoryboardPolling", "VideoPolling" })
            {
                settings[$"Providers:{provider}:{polling}:FirstPollSeconds"] = "1";
                settings[$"Providers:{provider}:{polling}:MaxIntervalSeconds"] = "1";
                settings[$"Providers:{provider}:{polling}:DefaultTimeoutSeconds"] = "60";
            }
        }

        foreach (var (key, value) in FleetSettings(SimulatorHttp.BaseAddress))
        {
            settings[key] = value;
        }

        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls(FleetAddress.ToString());
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(FleetLogLevel);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddFleetSecrets();
        builder.Services.AddSingleton<IHostResolver>(Resolver);
        builder.Services.AddGenerationFleet(builder.Configuration);
        fleet = builder.Build();
        fleet.MapGenerationCallbacks();
        await fleet.StartAsync();
        Events = await FleetEvents.StartAsync(Broker);
    }

    public async Task DisposeAsync()
    {
        if (Events is not null)
        {
            await Events.DisposeAsync();
        }

        if (fleet is not null)
        {
            await fleet.StopAsync();
            await fleet.DisposeAsync();
        }

        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }

        SimulatorHttp.Dispose();
        await Broker.DisposeAsync();
        await database.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
