using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace Workers.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh RabbitMQ virtual host for one test class (use as an <c>IClassFixture</c>), deleted afterwards, so test
/// classes run in parallel and twice in a row without seeing each other's queues. Fails loudly when RabbitMQ is missing.
/// </summary>
public sealed class RabbitMqTestVirtualHost : IAsyncLifetime
{
    static readonly TimeSpan SetupTimeout = TimeSpan.FromSeconds(30);

    public RabbitMqTestVirtualHost()
    {
        Settings = RabbitMqTestSettings.FromEnvironment();
        Name = "workers-test-" + Guid.NewGuid().ToString("N")[..12];
        Management = new RabbitMqManagementClient(Settings);
    }

    /// <summary>The virtual host's name.</summary>
    public string Name { get; }

    public RabbitMqTestSettings Settings { get; }

    public RabbitMqManagementClient Management { get; }

    /// <summary>The AMQP URI of this virtual host, credentials included.</summary>
    public Uri AmqpUri => new UriBuilder("amqp", Settings.Host, Settings.Port, Uri.EscapeDataString(Name))
    {
        UserName = Uri.EscapeDataString(Settings.Username),
        Password = Uri.EscapeDataString(Settings.Password),
    }.Uri;

    /// <summary>Points a MassTransit bus at this virtual host.</summary>
    public void ConfigureHost(IRabbitMqBusFactoryConfigurator configurator)
    {
        ArgumentNullException.ThrowIfNull(configurator);

        configurator.Host(Settings.Host, Settings.Port, Name, host =>
        {
            host.Username(Settings.Username);
            host.Password(Settings.Password);
        });
    }

    /// <summary>A plain RabbitMQ.Client connection factory for this virtual host.</summary>
    public ConnectionFactory CreateConnectionFactory() => new()
    {
        HostName = Settings.Host,
        Port = Settings.Port,
        VirtualHost = Name,
        UserName = Settings.Username,
        Password = Settings.Password,
    };

    /// <summary>
    /// Builds and starts a generic host running MassTransit on this virtual host; returns once every receive endpoint
    /// is consuming.
    /// </summary>
    /// <param name="configureServices">Extra registrations (e.g. <c>AddDelayedDelivery()</c>, recorders).</param>
    /// <param name="configureRegistrations">Consumers and other MassTransit registrations.</param>
    /// <param name="configureBus">Receive endpoints and bus settings; the host is already set.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public Task<RabbitMqTestBus> StartBusAsync(
        Action<IServiceCollection>? configureServices,
        Action<IBusRegistrationConfigurator>? configureRegistrations,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus,
        CancellationToken cancellationToken) =>
        RabbitMqTestBus.StartAsync(this, configureServices, configureRegistrations, configureBus, cancellationToken);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(SetupTimeout);
        try
        {
            await Management.CreateVirtualHostAsync(Name, timeout.Token);
            await Management.GrantAllPermissionsAsync(Name, Settings.Username, timeout.Token);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            throw new InvalidOperationException(
                $"RabbitMQ's management API at {Settings.ManagementUri} did not create virtual host '{Name}'. Start RabbitMQ "
                + $"(with the management plugin) or point {RabbitMqTestSettings.ManagementVariable} and "
                + $"{RabbitMqTestSettings.AmqpVariable} at one.", exception);
        }
    }

    public async Task DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(SetupTimeout);
        try
        {
            await Management.DeleteVirtualHostAsync(Name, timeout.Token);
        }
        finally
        {
            Management.Dispose();
        }
    }
}
