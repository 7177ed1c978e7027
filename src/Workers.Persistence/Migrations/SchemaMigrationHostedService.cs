using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Workers.Persistence.Migrations;

/// <summary>Migrates the schema at host start-up when <see cref="PersistenceOptions.MigrateOnStartup"/> is set.</summary>
/// <remarks>
/// The work happens in <see cref="StartingAsync"/>, which the host runs before any hosted service's StartAsync,
/// so consumers and HTTP endpoints never see an old schema whatever order services were registered in.
/// </remarks>
internal sealed class SchemaMigrationHostedService(SchemaMigrator migrator, IOptions<PersistenceOptions> options) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateOnStartup)
        {
            await migrator.MigrateAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
