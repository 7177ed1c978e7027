using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Workers.IntegrationTests.Infrastructure;
using Workers.Persistence;
using Workers.Persistence.Artifacts;
using Workers.Persistence.Migrations;

namespace Workers.IntegrationTests.Persistence;

/// <summary>Each test gets its own empty database, so start-up migration is observable.</summary>
public sealed class PersistenceServiceCollectionExtensionsTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.CreateEmpty();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task AddPersistence_HostStarts_MigratesBeforeHostedServicesRegisteredEarlier()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var probe = new SchemaProbe(_database.ConnectionString);
        builder.Services.AddSingleton<IHostedService>(probe);
        builder.Services.AddPersistence(options => options.ConnectionString = _database.ConnectionString);
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(SchemaMigrator.Scripts.Count, probe.MigrationsSeenAtStart);
    }

    [Fact]
    public async Task AddPersistence_MigrateOnStartupFalse_LeavesTheDatabaseAlone()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPersistence(options =>
        {
            options.ConnectionString = _database.ConnectionString;
            options.MigrateOnStartup = false;
        });
        using var host = builder.Build();

        await host.StartAsync();
        await host.StopAsync();

        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", CancellationToken.None));
    }

    [Fact]
    public async Task AddPersistence_FromConfiguration_BindsThePostgresSectionAndStoresArtifacts()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Postgres:ConnectionString"] = _database.ConnectionString,
                ["Postgres:ChunkSizeBytes"] = "4096",
                ["Postgres:MaxArtifactBytes"] = "1000000",
            })
            .Build();
        await using var services = new ServiceCollection().AddPersistence(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
        Assert.Equal((4096, 1_000_000L, true), (options.ChunkSizeBytes, options.MaxArtifactBytes, options.MigrateOnStartup));
        await services.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        var store = services.GetRequiredService<IArtifactStore>();
        Assert.Same(services.GetRequiredService<PostgresArtifactStore>(), store);
        var stored = await store.PutAsync(new MemoryStream(new byte[10_000]), "image/png", CancellationToken.None);
        Assert.Equal(3L, await _database.ScalarAsync<long>("SELECT count(*) FROM artifact_chunks", CancellationToken.None));
        Assert.Equal(stored, await store.FindAsync(stored.Sha256, CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host=localhost;NoSuchKeyword=1")]
    public async Task AddPersistence_InvalidConnectionString_FailsAtStart(string connectionString)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPersistence(options => options.ConnectionString = connectionString);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(PersistenceOptions.ConnectionString), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddPersistence_ChunkSizeOutOfRange_FailsAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPersistence(options =>
        {
            options.ConnectionString = _database.ConnectionString;
            options.ChunkSizeBytes = 0;
        });
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(nameof(PersistenceOptions.ChunkSizeBytes), error.Message, StringComparison.Ordinal);
    }

    /// <summary>Stands for a consumer that uses the database as soon as it starts.</summary>
    private sealed class SchemaProbe(string connectionString) : IHostedService
    {
        public long MigrationsSeenAtStart { get; private set; } = -1;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand(
                "SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations'", connection);
            MigrationsSeenAtStart = (long)(await command.ExecuteScalarAsync(cancellationToken))! == 0
                ? 0
                : await CountMigrationsAsync(connection, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private static async Task<long> CountMigrationsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM schema_migrations", connection);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }
    }
}
