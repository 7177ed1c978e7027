using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Workers.Components.Scheduling;
using Workers.IntegrationTests.Infrastructure;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>Starts a bus with delayed delivery and one quorum receive endpoint bound to the delay levels.</summary>
static class DelayProbeBus
{
    public static Task<RabbitMqTestBus> StartAsync(RabbitMqTestVirtualHost virtualHost, string queue,
        CancellationToken cancellationToken) =>
        virtualHost.StartBusAsync(
            services => services.AddDelayedDelivery().AddSingleton<DelayProbeRecorder>(),
            bus =>
            {
                bus.AddConsumer<DelayProbeConsumer>();
                bus.AddConsumer<RescheduleProbeConsumer>();
            },
            (context, rabbitMq) => rabbitMq.ReceiveEndpoint(queue, endpoint =>
            {
                endpoint.SetQuorumQueue();
                endpoint.ConfigureConsumeTopology = false;
                endpoint.BindDelayedDelivery();
                endpoint.ConfigureConsumer<DelayProbeConsumer>(context);
                endpoint.ConfigureConsumer<RescheduleProbeConsumer>(context);
            }),
            cancellationToken);

    public static DelayProbeRecorder Recorder(this RabbitMqTestBus bus) =>
        bus.Services.GetRequiredService<DelayProbeRecorder>();

    public static IDelayedMessageScheduler Scheduler(this RabbitMqTestBus bus) =>
        bus.Services.GetRequiredService<IDelayedMessageScheduler>();
}
