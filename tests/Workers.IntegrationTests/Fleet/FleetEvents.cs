using System.Collections.Concurrent;
using System.Diagnostics;
using MassTransit;
using Workers.Components.Topology;
using Workers.Contracts;
using Workers.IntegrationTests.Infrastructure;

namespace Workers.IntegrationTests.Fleet;

/// <summary>A producer's view of the fleet: publishes commands and collects every event on a temporary queue.</summary>
public sealed class FleetEvents : IAsyncDisposable
{
    private readonly ConcurrentQueue<object> received = new();
    private IBusControl bus = null!;

    public static async Task<FleetEvents> StartAsync(RabbitMqTestVirtualHost broker)
    {
        var events = new FleetEvents();
        events.bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            broker.ConfigureHost(cfg);
            cfg.ConfigureGenerationTopology();
            cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), e =>
            {
                e.Handler<GenerationAccepted>(c => events.Add(c.Message));
                e.Handler<GenerationProgressed>(c => events.Add(c.Message));
                e.Handler<GenerationCompleted>(c => events.Add(c.Message));
                e.Handler<GenerationFailed>(c => events.Add(c.Message));
                e.Handler<GenerationCommandRefused>(c => events.Add(c.Message));
            });
        });
        await events.bus.StartAsync();
        return events;
    }

    public Task Publish<T>(T command) where T : class => bus.Publish(command);

    /// <summary>Sends a message straight to one of the fleet's queues (through its exchange), as a duplicate delivery would.</summary>
    public async Task SendToQueueAsync<T>(string queue, T message) where T : class =>
        await (await bus.GetSendEndpoint(new Uri($"exchange:{queue}"))).Send(message);

    /// <summary>Publishes a message as its runtime type (for lists of mixed commands).</summary>
    public Task PublishAsItsType(object command) => bus.Publish(command, command.GetType());

    /// <summary>The events seen so far about one request.</summary>
    public IReadOnlyList<object> About(string requestId) =>
        received.Where(e => RequestId(e) == requestId).ToList();

    /// <summary>Waits for the first event of type <typeparamref name="T"/> about <paramref name="requestId"/>.</summary>
    public async Task<T> WaitFor<T>(string requestId, TimeSpan? timeout = null) =>
        (T)await WaitForAny(requestId, [typeof(T)], timeout);

    /// <summary>The request's outcome, whichever it is: <see cref="GenerationCompleted"/> or <see cref="GenerationFailed"/>.</summary>
    public Task<object> WaitForOutcome(string requestId, TimeSpan? timeout = null) =>
        WaitForAny(requestId, [typeof(GenerationCompleted), typeof(GenerationFailed)], timeout);

    private async Task<object> WaitForAny(string requestId, Type[] types, TimeSpan? timeout)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < (timeout ?? TimeSpan.FromSeconds(60)))
        {
            if (About(requestId).FirstOrDefault(e => types.Contains(e.GetType())) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {string.Join(" or ", types.Select(t => t.Name))} for {requestId}; saw: "
            + string.Join(", ", About(requestId).Select(Describe)));
    }

    public async ValueTask DisposeAsync() => await bus.StopAsync();

    private Task Add(object message)
    {
        received.Enqueue(message);
        return Task.CompletedTask;
    }

    private static string Describe(object e) => e switch
    {
        GenerationFailed f => $"GenerationFailed({f.Code}: {f.Message})",
        _ => e.GetType().Name,
    };

    private static string? RequestId(object e) => e switch
    {
        GenerationAccepted a => a.RequestId,
        GenerationProgressed p => p.RequestId,
        GenerationCompleted c => c.RequestId,
        GenerationFailed f => f.RequestId,
        GenerationCommandRefused r => r.RequestId,
        _ => null,
    };
}
