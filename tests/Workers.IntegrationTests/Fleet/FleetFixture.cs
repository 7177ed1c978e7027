using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workers.Components;
using Workers.IntegrationTests.Infrastructure;
using Workers.Persistence.Artifacts;
using Workers.Persistence.Generations;
using Workers.ProviderSimulator;
using Workers.ProviderSimulator.Control;

namespace Workers.IntegrationTests.Fleet;

/// <summary>
/// The whole fleet on real parts: its own RabbitMQ virtual host, its own PostgreSQL database, the provider
/// simulator on a loopback port, the fleet host with every role, and an observer bus collecting the events.
/// </summary>
public sealed class FleetFixture : IAsyncLifetime
{
    private readonly PostgresTestDatabase database = PostgresTestDatabase.CreateEmpty();
    private readonly RabbitMqTestVirtualHost broker = new();
    private WebApplication? simulator;
    private IHost? fleet;

    public FleetEvents Events { get; private set; } = null!;

    public SimulatorControlClient Simulator { get; private set; } = null!;

    public HttpClient SimulatorHttp { get; } = new();

    public GenerationStore Generations => fleet!.Services.GetRequiredService<GenerationStore>();

    public IArtifactStore Artifacts => fleet!.Services.GetRequiredService<IArtifactStore>();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await broker.InitializeAsync();
        // Fast tasks: the simulator's default durations divided by 50 (gpt-image-2: under 3 s).
        simulator = SimulatorApp.Create(["--urls", "http://127.0.0.1:0", "--Simulator:SpeedFactor=50"],
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await simulator.StartAsync();
        SimulatorHttp.BaseAddress = SimulatorApp.GetBaseAddress(simulator);
        Simulator = new SimulatorControlClient(SimulatorHttp);

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["RabbitMq:Url"] = broker.AmqpUri.ToString(),
            ["Postgres:ConnectionString"] = database.ConnectionString,
            ["Providers:UniAll:BaseUrl"] = SimulatorHttp.BaseAddress.ToString(),
            ["Providers:UniAll:Polling:FirstPollSeconds"] = "1",
            ["Providers:UniAll:Polling:MaxIntervalSeconds"] = "1",
            ["Providers:UniAll:Polling:DefaultTimeoutSeconds"] = "60",
            ["Providers:UniAll:SubmitRetry:DelaySeconds"] = "1",
        });
        builder.Services.AddGenerationFleet(builder.Configuration);
        fleet = builder.Build();
        await fleet.StartAsync();
        Events = await FleetEvents.StartAsync(broker);
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
            fleet.Dispose();
        }

        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }

        SimulatorHttp.Dispose();
        await broker.DisposeAsync();
        await database.DisposeAsync();
    }
}
