using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Workers.IntegrationTests.Infrastructure;
using Workers.Persistence.Migrations;

namespace Workers.IntegrationTests.Persistence;

/// <summary>Each test gets its own empty database: xunit builds a new instance of this class per test.</summary>
public sealed class SchemaMigratorTests : IAsyncLifetime
{
    private readonly PostgresTestDatabase _database = PostgresTestDatabase.CreateEmpty();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public void Scripts_AreNumberedFromOneWithoutGaps()
    {
        Assert.NotEmpty(SchemaMigrator.Scripts);
        Assert.Equal(Enumerable.Range(1, SchemaMigrator.Scripts.Count), SchemaMigrator.Scripts.Select(script => script.Version));
        Assert.Equal("artifacts", SchemaMigrator.Scripts[0].Name);
    }

    [Fact]
    public async Task MigrateAsync_FreshDatabase_AppliesEveryScriptOnceInOrder()
    {
        var applied = await CreateMigrator(_database.DataSource).MigrateAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrator.Scripts, applied);
        Assert.Equal(SchemaMigrator.Scripts.Select(script => (script.Version, script.Name)), await ReadHistoryAsync());
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM artifacts", CancellationToken.None));
    }

    [Fact]
    public async Task MigrateAsync_RunTwice_SecondRunIsNoOp()
    {
        var migrator = CreateMigrator(_database.DataSource);
        await migrator.MigrateAsync(CancellationToken.None);
        var firstAppliedAt = await _database.ScalarAsync<DateTime>("SELECT max(applied_at) FROM schema_migrations", CancellationToken.None);

        var applied = await migrator.MigrateAsync(CancellationToken.None);

        Assert.Empty(applied);
        Assert.Equal(SchemaMigrator.Scripts.Select(script => (script.Version, script.Name)), await ReadHistoryAsync());
        Assert.Equal(firstAppliedAt, await _database.ScalarAsync<DateTime>("SELECT max(applied_at) FROM schema_migrations", CancellationToken.None));
    }

    [Fact]
    public async Task MigrateAsync_EightReplicasAtOnce_EachScriptAppliedAndRecordedOnce()
    {
        // Separate data sources, as separate replicas would have.
        var replicas = Enumerable.Range(0, 8).Select(_ => NpgsqlDataSource.Create(_database.ConnectionString)).ToList();
        try
        {
            using var start = new SemaphoreSlim(0);
            var runs = replicas
                .Select(dataSource => Task.Run(async () =>
                {
                    await start.WaitAsync();
                    return await CreateMigrator(dataSource).MigrateAsync(CancellationToken.None);
                }))
                .ToList();
            start.Release(replicas.Count);

            var applied = await Task.WhenAll(runs);

            Assert.Equal(SchemaMigrator.Scripts, applied.SelectMany(scripts => scripts).OrderBy(script => script.Version));
            Assert.Equal(SchemaMigrator.Scripts.Select(script => (script.Version, script.Name)), await ReadHistoryAsync());
        }
        finally
        {
            foreach (var dataSource in replicas)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task MigrateAsync_AnotherSessionHoldsTheLock_WaitsForItThenApplies()
    {
        await using var holder = await _database.DataSource.OpenConnectionAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({SchemaMigrator.AdvisoryLockKey})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        await using var replica = NpgsqlDataSource.Create(_database.ConnectionString);
        var migration = CreateMigrator(replica).MigrateAsync(CancellationToken.None);
        await WaitUntilLockIsAwaitedAsync();

        Assert.False(migration.IsCompleted);
        Assert.Equal(0L, await _database.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations'", CancellationToken.None));

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({SchemaMigrator.AdvisoryLockKey})", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        Assert.Equal(SchemaMigrator.Scripts, await migration.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task MigrateAsync_RecordedNameDiffersFromScript_RefusesToRun()
    {
        await CreateMigrator(_database.DataSource).MigrateAsync(CancellationToken.None);
        await using (var rename = _database.DataSource.CreateCommand("UPDATE schema_migrations SET name = 'something_else' WHERE version = 1"))
        {
            await rename.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => CreateMigrator(_database.DataSource).MigrateAsync(CancellationToken.None));

        Assert.Contains("something_else", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MigrateAsync_AfterARun_LeavesTheLockFree()
    {
        await CreateMigrator(_database.DataSource).MigrateAsync(CancellationToken.None);

        Assert.Equal(0L, await _database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            CancellationToken.None));
    }

    private static SchemaMigrator CreateMigrator(NpgsqlDataSource dataSource) =>
        new(dataSource, TimeProvider.System, NullLogger<SchemaMigrator>.Instance);

    private async Task<List<(int Version, string Name)>> ReadHistoryAsync()
    {
        await using var command = _database.DataSource.CreateCommand("SELECT version, name FROM schema_migrations ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(int, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt32(0), reader.GetString(1)));
        }

        return rows;
    }

    private async Task WaitUntilLockIsAwaitedAsync()
    {
        // pg_locks splits a bigint advisory key into classid (high 32 bits) and objid (low 32 bits).
        var sql = $"""
            SELECT count(*) FROM pg_locks
            WHERE locktype = 'advisory' AND NOT granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND classid::bigint = {SchemaMigrator.AdvisoryLockKey >> 32} AND objid::bigint = {SchemaMigrator.AdvisoryLockKey & 0xFFFF_FFFF}
            """;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (await _database.ScalarAsync<long>(sql, timeout.Token) == 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
