using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Workers.IntegrationTests.Infrastructure;

/// <summary>A started generic host running a MassTransit bus on a <see cref="RabbitMqTestVirtualHost"/>; dispose to stop it.</summary>
public sealed class RabbitMqTestBus : IAsyncDisposable
{
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    readonly IHost _host;

    RabbitMqTestBus(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>The bus, also an <see cref="ISendEndpointProvider"/>.</summary>
    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    internal static async Task<RabbitMqTestBus> StartAsync(
        RabbitMqTestVirtualHost virtualHost,
        Action<IServiceCollection>? configureServices,
        Action<IBusRegistrationConfigurator>? configureRegistrations,
        Action<IBusRegistrationContext, IRabbitMqBusFactoryConfigurator>? configureBus,
        CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        configureServices?.Invoke(builder.Services);
        builder.Services.Configure<MassTransitHostOptions>(options =>
        {
            // Tests send right after start: the endpoints (and their bindings) must be up by then.
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = StopTimeout;
        });
        builder.Services.AddMassTransit(bus =>
        {
            configureRegistrations?.Invoke(bus);
            bus.UsingRabbitMq((context, rabbitMq) =>
            {
                virtualHost.ConfigureHost(rabbitMq);
                configureBus?.Invoke(context, rabbitMq);
            });
        });

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return new RabbitMqTestBus(host);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        finally
        {
            if (_host is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync();
            else
                _host.Dispose();
        }
    }
}
