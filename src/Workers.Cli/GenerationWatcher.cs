using MassTransit;
using Workers.Components.Topology;
using Workers.Contracts;

namespace Workers.Cli;

/// <summary>A bus with a temporary queue bound to the fleet's events, reporting those of one request.</summary>
internal sealed class GenerationWatcher : IAsyncDisposable
{
    private readonly TaskCompletionSource<object> outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IBusControl bus;

    private GenerationWatcher(string requestId, TextWriter output)
    {
        bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri(CliSettings.RabbitMqUrl));
            cfg.ConfigureGenerationTopology();
            cfg.ReceiveEndpoint(new TemporaryEndpointDefinition(), e =>
            {
                e.Handler<GenerationAccepted>(c => Report(c.Message.RequestId,
                    () => output.WriteLine($"accepted: {c.Message.Provider} task {c.Message.ProviderTaskId}")));
                e.Handler<GenerationProgressed>(c => Report(c.Message.RequestId,
                    () => output.WriteLine($"progress: {c.Message.ProviderStatus}"
                        + (c.Message.Percent is { } percent ? $" {percent}%" : "")
                        + (c.Message.ItemsTotal is { } total ? $" {c.Message.ItemsCompleted}/{total} items" : ""))));
                e.Handler<GenerationCompleted>(c => Report(c.Message.RequestId, () => outcome.TrySetResult(c.Message)));
                e.Handler<GenerationFailed>(c => Report(c.Message.RequestId, () => outcome.TrySetResult(c.Message)));
            });
        });
        Task Report(string id, Action action)
        {
            if (id == requestId)
            {
                action();
            }

            return Task.CompletedTask;
        }
    }

    public IPublishEndpoint Publisher => bus;

    /// <summary>Starts a watcher; its queue is bound before this returns, so no event published afterwards is missed.</summary>
    public static async Task<GenerationWatcher> StartAsync(string requestId, TextWriter output, CancellationToken cancellationToken)
    {
        var watcher = new GenerationWatcher(requestId, output);
        await watcher.bus.StartAsync(cancellationToken).ConfigureAwait(false);
        return watcher;
    }

    /// <summary>The request's <see cref="GenerationCompleted"/> or <see cref="GenerationFailed"/>.</summary>
    public Task<object> Outcome => outcome.Task;

    public async ValueTask DisposeAsync() => await bus.StopAsync(CancellationToken.None).ConfigureAwait(false);
}
