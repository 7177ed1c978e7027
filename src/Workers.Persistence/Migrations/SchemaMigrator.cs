using System.Data.Common;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Workers.Persistence.Migrations;

/// <summary>Applies the embedded <c>Migrations/NNNN_name.sql</c> scripts once each, one replica at a time.</summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource dataSource, TimeProvider timeProvider, ILogger<SchemaMigrator> logger)
{
    /// <summary>
    /// Session advisory lock key held for a whole migration run: the ASCII bytes of "WKRSMIGR".
    /// Anything else in the database that takes advisory locks must not use this key.
    /// </summary>
    public const long AdvisoryLockKey = 0x574B_5253_4D49_4752;

    private const string CreateHistoryTableSql = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    int         PRIMARY KEY,
            name       text        NOT NULL,
            applied_at timestamptz NOT NULL
        )
        """;

    /// <summary>The scripts this build knows, in version order.</summary>
    public static IReadOnlyList<MigrationScript> Scripts => EmbeddedMigrationScripts.All;

    /// <summary>Applies every script not yet recorded in <c>schema_migrations</c>; returns the ones this call applied.</summary>
    public async Task<IReadOnlyList<MigrationScript>> MigrateAsync(CancellationToken cancellationToken)
    {
        var scripts = Scripts;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // Replicas starting together queue here; the first applies everything, the rest then find nothing to do.
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection, CreateHistoryTableSql, cancellationToken);
            var recorded = await ReadRecordedAsync(connection, cancellationToken);
            CheckRecordedNames(scripts, recorded);

            var applied = new List<MigrationScript>();
            foreach (var script in scripts.Where(script => !recorded.ContainsKey(script.Version)))
            {
                await ApplyAsync(connection, script, cancellationToken);
                applied.Add(script);
            }

            if (applied.Count > 0)
            {
                // Npgsql caches the database's types per data source; a script may have added enums or composites.
                await dataSource.ReloadTypesAsync(cancellationToken);
            }

            LogFinished(logger, applied.Count, scripts.Count);
            return applied;
        }
        finally
        {
            await ReleaseLockAsync(connection);
        }
    }

    private async Task ApplyAsync(NpgsqlConnection connection, MigrationScript script, CancellationToken cancellationToken)
    {
        LogApplying(logger, script.ToString());
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await ExecuteAsync(connection, script.Sql, cancellationToken);

            await using var record = new NpgsqlCommand(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", connection);
            record.Parameters.Add(new NpgsqlParameter<int> { TypedValue = script.Version });
            record.Parameters.Add(new NpgsqlParameter<string> { TypedValue = script.Name });
            record.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = timeProvider.GetUtcNow(), NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await record.ExecuteNonQueryAsync(cancellationToken);

            await transaction.CommitAsync(cancellationToken);
        }
        catch (PostgresException exception)
        {
            throw new InvalidOperationException($"Migration {script} failed and was rolled back: {exception.MessageText}", exception);
        }
    }

    private static async Task<Dictionary<int, string>> ReadRecordedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT version, name FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var recorded = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            recorded.Add(reader.GetInt32(0), reader.GetString(1));
        }

        return recorded;
    }

    private void CheckRecordedNames(IReadOnlyList<MigrationScript> scripts, Dictionary<int, string> recorded)
    {
        foreach (var script in scripts)
        {
            // A different name under an applied number means a script was renamed or two branches took the same number.
            if (recorded.TryGetValue(script.Version, out var name) && name != script.Name)
            {
                throw new InvalidOperationException(
                    $"schema_migrations records version {script.Version} as '{name}', but this build has {script}. Applied scripts must never be renumbered.");
            }
        }

        // During a rolling deploy an older replica meets a newer schema; that is expected, not an error.
        var newest = recorded.Count == 0 ? 0 : recorded.Keys.Max();
        if (newest > scripts.Count)
        {
            LogDatabaseAhead(logger, newest, scripts.Count);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        // No command timeout: waiting for another replica's run, or a long script, is bounded by the caller's token instead.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ReleaseLockAsync(NpgsqlConnection connection)
    {
        // Explicit, because a pooled connection keeps its session (and so the lock) when returned to the pool.
        try
        {
            await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
        catch (DbException exception)
        {
            // Clearing the pool closes this connection on return instead of reusing it, which ends the session and the lock.
            NpgsqlConnection.ClearPool(connection);
            LogUnlockFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applying schema migration {Script}")]
    private static partial void LogApplying(ILogger logger, string script);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema migrations done: applied {Applied} of {Known} known scripts")]
    private static partial void LogFinished(ILogger logger, int applied, int known);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database has schema version {DatabaseVersion}, newer than this build's {BuildVersion}; continuing")]
    private static partial void LogDatabaseAhead(ILogger logger, int databaseVersion, int buildVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not release the schema migration lock; closing its connection instead")]
    private static partial void LogUnlockFailed(ILogger logger, Exception exception);
}
