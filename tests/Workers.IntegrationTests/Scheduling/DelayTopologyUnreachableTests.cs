using MassTransit;
using Microsoft.Extensions.Hosting;
using Workers.Components.Scheduling;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>A broker that never answers stops start-up after the configured timeout, instead of hanging or half-starting.</summary>
public sealed class DelayTopologyUnreachableTests
{
    [Fact]
    public async Task AddDelayedDelivery_BrokerUnreachable_FailsStartAfterTheTimeout()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddDelayedDelivery(options =>
        {
            options.TopologyStartupTimeout = TimeSpan.FromSeconds(2);
            options.TopologyRetryInterval = TimeSpan.FromMilliseconds(200);
        });
        // Port 1 on loopback: nothing listens there, so every attempt is refused at once.
        builder.Services.AddMassTransit(bus => bus.UsingRabbitMq((_, rabbitMq) => rabbitMq.Host("127.0.0.1", 1, "/", _ => { })));
        using var host = builder.Build();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<TimeoutException>(() => host.StartAsync(cancellation.Token));
    }
}
