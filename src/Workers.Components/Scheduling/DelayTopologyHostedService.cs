using MassTransit.RabbitMqTransport;
using MassTransit.RabbitMqTransport.Configuration;
using MassTransit.Transports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Workers.Components.Scheduling;

/// <summary>
/// Declares the delay topology while the host is starting, before any hosted service starts (MassTransit's included).
/// </summary>
/// <remarks>
/// <see cref="IHostedLifecycleService.StartingAsync"/> runs ahead of every <see cref="IHostedService.StartAsync"/>, so
/// the levels exist before a consumer can schedule anything, whatever order the services were registered in. It uses
/// its own short-lived connection built from the bus's host settings, so there is one place to configure the broker.
/// Hooking a receive endpoint's topology instead would miss processes that only send delayed messages.
/// </remarks>
sealed partial class DelayTopologyHostedService(
    IBusInstance bus,
    DelayLevels levels,
    IOptions<DelayedDeliveryOptions> options,
    TimeProvider timeProvider,
    ILogger<DelayTopologyHostedService> logger) : IHostedLifecycleService
{
    const ushort AccessRefused = 403;
    const ushort PreconditionFailed = 406;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var factory = CreateConnectionFactory(bus);
        var topology = DelayTopology.For(levels);

        using var deadline = new CancellationTokenSource(settings.TopologyStartupTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await DeclareOnceAsync(factory, topology, linked.Token);
                LogDeclared(logger, levels.MaxLevel, attempt);
                return;
            }
            catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == PreconditionFailed)
            {
                // Retrying cannot help: an entity exists with other arguments (another MaxLevel, or a hand-made queue).
                throw new InvalidOperationException(
                    $"The delay topology on the broker differs from this process's (MaxLevel {levels.MaxLevel}): "
                    + exception.ShutdownReason.ReplyText, exception);
            }
            catch (OperationInterruptedException exception) when (exception.ShutdownReason?.ReplyCode == AccessRefused)
            {
                throw new InvalidOperationException(
                    "The broker user may not declare the delay topology (it needs configure permission on "
                    + "'delay-.*'): " + exception.ShutdownReason.ReplyText, exception);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsTransient(exception))
            {
                LogRetry(logger, exception, attempt, settings.TopologyRetryInterval);
            }

            try
            {
                await Task.Delay(settings.TopologyRetryInterval, timeProvider, linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The delay topology could not be declared within {settings.TopologyStartupTimeout}; see the logged attempts.");
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    static ConnectionFactory CreateConnectionFactory(IBusInstance bus)
    {
        if (bus.HostConfiguration is not IRabbitMqHostConfiguration rabbitMq)
            throw new InvalidOperationException("Delayed delivery needs MassTransit's RabbitMQ transport (UsingRabbitMq).");

        var factory = rabbitMq.Settings.GetConnectionFactory();
        factory.ClientProvidedName = "delay-topology";
        return factory;
    }

    static async Task DeclareOnceAsync(ConnectionFactory factory, DelayTopology topology, CancellationToken cancellationToken)
    {
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);

        await DelayTopologyDeclarer.DeclareAsync(channel, topology, cancellationToken);

        await channel.CloseAsync(cancellationToken);
        await connection.CloseAsync(cancellationToken);
    }

    // The deadline's cancellation surfaces here too; it is turned into a TimeoutException by the delay that follows.
    static bool IsTransient(Exception exception) =>
        exception is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException
            or ConnectFailureException or IOException or TimeoutException or OperationCanceledException;

    [LoggerMessage(Level = LogLevel.Information, Message = "Delay topology declared (levels 0..{MaxLevel}) after {Attempts} attempt(s)")]
    static partial void LogDeclared(ILogger logger, int maxLevel, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Declaring the delay topology failed (attempt {Attempt}); retrying in {RetryInterval}")]
    static partial void LogRetry(ILogger logger, Exception exception, int attempt, TimeSpan retryInterval);
}
