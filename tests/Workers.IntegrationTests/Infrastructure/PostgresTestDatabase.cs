using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Workers.Persistence.Migrations;

namespace Workers.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database for one test class (or one test), migrated to the current schema, dropped afterwards.
/// Use as <c>IClassFixture&lt;PostgresTestDatabase&gt;</c>; <see cref="CreateEmpty"/> gives one without the schema.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncLifetime
{
    /// <summary>The connection string of a role allowed to create databases; <see cref="DefaultConnectionString"/> when unset.</summary>
    public const string EnvironmentVariable = "WORKERS_POSTGRES";

    public const string DefaultConnectionString = "Host=localhost;Username=workers;Password=workers;Database=workers";

    private readonly bool _migrate;
    private NpgsqlDataSource? _dataSource;

    public PostgresTestDatabase()
        : this(migrate: true)
    {
    }

    private PostgresTestDatabase(bool migrate)
    {
        _migrate = migrate;
        DatabaseName = $"workers_test_{Guid.NewGuid():N}";
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = DatabaseName }.ConnectionString;
    }

    /// <summary>The server's connection string as configured for this run.</summary>
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured ? configured : DefaultConnectionString;

    public string DatabaseName { get; }

    /// <summary>Connection string of this test's own database.</summary>
    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException($"{nameof(PostgresTestDatabase)} is not initialized yet.");

    /// <summary>A database with no tables at all, for tests that drive migrations themselves.</summary>
    public static PostgresTestDatabase CreateEmpty() => new(migrate: false);

    /// <summary>The first column of the first row of <paramref name="sql"/>, for assertions on table contents.</summary>
    public async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task InitializeAsync()
    {
        await ExecuteOnServerAsync($"CREATE DATABASE \"{DatabaseName}\"", CancellationToken.None);
        _dataSource = NpgsqlDataSource.Create(ConnectionString);
        if (_migrate)
        {
            await new SchemaMigrator(_dataSource, TimeProvider.System, NullLogger<SchemaMigrator>.Instance)
                .MigrateAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }

        // Not DROP … WITH (FORCE): on PostgreSQL 15 that fails for a non-superuser whenever an autovacuum worker is in the
        // database (usual after a large upload), whereas a plain DROP stops autovacuum itself. So first end the sessions a
        // test left open (its own data sources), waiting up to 5 s for each, then drop.
        await ExecuteOnServerAsync(
            $"""
            SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity
            WHERE datname = '{DatabaseName}' AND usename = current_user AND pid <> pg_backend_pid()
            """,
            CancellationToken.None);
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{DatabaseName}\"", CancellationToken.None);
    }

    private static async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var server = NpgsqlDataSource.Create(ServerConnectionString);
        NpgsqlConnection connection;
        try
        {
            connection = await server.OpenConnectionAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            // Fail, never skip: these tests are the proof that persistence works against a real server.
            var target = new NpgsqlConnectionStringBuilder(ServerConnectionString);
            throw new InvalidOperationException(
                $"PostgreSQL is required and was not reachable at {target.Host}:{target.Port} as '{target.Username}' " +
                $"(set {EnvironmentVariable}; by default the local role workers/workers). {exception.Message}",
                exception);
        }

        await using (connection)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
