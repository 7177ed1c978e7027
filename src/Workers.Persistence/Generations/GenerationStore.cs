using System.Data.Common;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Workers.Contracts;

namespace Workers.Persistence.Generations;

/// <summary>
/// The <c>generations</c> table. Every state change is a conditional UPDATE, so redelivered or duplicated
/// messages find the row already moved on and change nothing.
/// </summary>
public sealed class GenerationStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<GenerationRecord?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT * FROM generations WHERE request_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
    }

    /// <summary>Step 1 of the paid-submission protocol: records the intent, or nothing if the id is known.</summary>
    /// <returns>Whether this call inserted the row.</returns>
    public async Task<bool> TryInsertAsync(NewGeneration generation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO generations (request_id, kind, provider, model, account, status, request, tags, accepted_at, updated_at,
                                     error_code, error_message, completed_at, callback_token)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, CASE WHEN $6 = 'failed' THEN $9 END, $12)
            ON CONFLICT (request_id) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = generation.RequestId });
        command.Parameters.Add(new NpgsqlParameter { Value = generation.Kind });
        command.Parameters.Add(new NpgsqlParameter { Value = generation.Provider });
        command.Parameters.Add(new NpgsqlParameter { Value = generation.Model });
        command.Parameters.Add(new NpgsqlParameter { Value = generation.Account });
        command.Parameters.Add(new NpgsqlParameter { Value = generation.Rejection is null ? GenerationStatus.Pending : GenerationStatus.Failed });
        command.Parameters.Add(new NpgsqlParameter { Value = generation.RequestJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonOrNull(generation.Tags), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)generation.Rejection?.Code ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)generation.Rejection?.Message ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)generation.CallbackToken ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Takes the submission lease of a request for <paramref name="duration"/>: a plain conditional UPDATE, so a duplicate
    /// delivery cannot submit alongside the holder, and a crashed holder's lease simply runs out.
    /// </summary>
    /// <returns>The lease (dispose it to release), or null with the time the current holder's lease ends.</returns>
    public async Task<(SubmissionLease? Lease, DateTimeOffset HeldUntil)> TryTakeLeaseAsync(string requestId, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var owner = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand("""
            UPDATE generations SET lease_owner = $2, lease_expires_at = $3, updated_at = now()
            WHERE request_id = $1 AND (lease_owner IS NULL OR lease_expires_at <= $4)
            RETURNING lease_expires_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        command.Parameters.Add(new NpgsqlParameter { Value = now + duration });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null)
        {
            return (new SubmissionLease(this, requestId, owner), now + duration);
        }

        var row = await FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        return (null, row?.LeaseExpiresAt ?? now);
    }

    /// <summary>pending → submitting, counting the attempt; false when the row is elsewhere.</summary>
    public Task<bool> TryMarkSubmittingAsync(string requestId, SubmissionLease lease, CancellationToken cancellationToken) =>
        UpdateAsync(requestId, "status = 'submitting', submit_attempts = submit_attempts + 1, submitting_since = $2",
            "status = 'pending' AND lease_owner = $3", [clock.GetUtcNow(), lease?.Owner], cancellationToken);

    internal async Task ReleaseLeaseAsync(string requestId, string owner)
    {
        try
        {
            // Not the caller's token: a lease is released even when the work that held it was cancelled.
            await UpdateAsync(requestId, "lease_owner = NULL, lease_expires_at = NULL", "lease_owner = $2", [owner], CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (DbException)
        {
            // The database is away: the lease runs out by itself, which is all a release would have achieved sooner.
        }
    }

    /// <summary>Keeps one finished preparation step (e.g. an uploaded reference's file id) on a request that is not yet submitted.</summary>
    public Task<bool> SavePreparedAsync(string requestId, string key, string value, CancellationToken cancellationToken) =>
        UpdateAsync(requestId, "prepared = coalesce(prepared, '{}'::jsonb) || jsonb_build_object($2::text, $3::text)",
            "status IN ('pending', 'submitting')", [key, value], cancellationToken);

    /// <summary>Records a provider callback; false when it is the same one as last time (a repeated delivery).</summary>
    public Task<bool> TryRecordCallbackAsync(string requestId, string key, CancellationToken cancellationToken) =>
        UpdateAsync(requestId, "last_callback = $2", "last_callback IS DISTINCT FROM $2", [key], cancellationToken);

    /// <summary>
    /// Back to pending, with the refusal recorded: the provider provably did not accept the submission (or its preparation
    /// failed before any paid call), so it may be retried. A refusal during preparation counts as an attempt here.
    /// </summary>
    public Task<bool> TryMarkPendingAsync(string requestId, GenerationError lastError, CancellationToken cancellationToken) =>
        UpdateAsync(requestId,
            "submit_attempts = submit_attempts + CASE WHEN status = 'pending' THEN 1 ELSE 0 END, "
            + "status = 'pending', error_code = $2, error_message = $3, error_provider_code = $4",
            "status IN ('pending', 'submitting')",
            [lastError.Code, lastError.Message, lastError.ProviderCode], cancellationToken);

    /// <summary>Counts an attempt at settling a submission of unknown outcome (the row stays submitting).</summary>
    public Task<bool> TryCountAttemptAsync(string requestId, CancellationToken cancellationToken) =>
        UpdateAsync(requestId, "submit_attempts = submit_attempts + 1", "status = 'submitting'", [], cancellationToken);

    /// <summary>submitting → submitted, with the provider's task id and details (step 3 of the protocol).</summary>
    public Task<bool> TryMarkSubmittedAsync(string requestId, string providerTaskId, IReadOnlyDictionary<string, string>? details,
        DateTimeOffset deadline, CreditCost? pricePerResult, CancellationToken cancellationToken) =>
        UpdateAsync(requestId,
            "status = 'submitted', provider_task_id = $2, submitted_at = $3, deadline = $4, price_per_result = $5, price_unit = $6, "
            + "submission = $7, error_code = NULL, error_message = NULL, error_provider_code = NULL",
            "status = 'submitting'",
            [providerTaskId, clock.GetUtcNow(), deadline, pricePerResult?.Amount, pricePerResult?.Unit,
                details is null ? null : new JsonbValue(JsonSerializer.Serialize(details, Json))], cancellationToken);

    /// <summary>The provider task ids among <paramref name="taskIds"/> that some request of <paramref name="provider"/> already holds.</summary>
    public async Task<IReadOnlySet<string>> FindClaimedTaskIdsAsync(string provider, IReadOnlyCollection<string> taskIds,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT provider_task_id FROM generations WHERE provider = $1 AND provider_task_id = ANY($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = provider });
        command.Parameters.Add(new NpgsqlParameter { Value = taskIds.ToArray() });
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed.Add(reader.GetString(0));
        }

        return claimed;
    }

    /// <summary>
    /// Claims poll number <paramref name="pollNumber"/>: exactly one poll message per number goes on, so duplicated
    /// messages cannot fork the poll chain. The same message (same <paramref name="claim"/>) may claim again after a crash.
    /// </summary>
    public Task<bool> TryClaimPollAsync(string requestId, int pollNumber, Guid claim, CancellationToken cancellationToken) =>
        UpdateAsync(requestId, "poll_count = $2 + 1, poll_claim = $3",
            "status IN ('submitted', 'running') AND (poll_count = $2 OR (poll_count = $2 + 1 AND poll_claim = $3))",
            [pollNumber, claim], cancellationToken);

    /// <summary>Records the provider's progress; true when it differs from what was recorded before.</summary>
    public Task<bool> TryRecordProgressAsync(string requestId, string providerStatus, int? percent, int? itemsCompleted, int? itemsTotal,
        CancellationToken cancellationToken) =>
        UpdateAsync(requestId, "status = 'running', provider_status = $2, progress_percent = $3, items_completed = $4, items_total = $5",
            "status IN ('submitted', 'running') AND (provider_status IS DISTINCT FROM $2 OR progress_percent IS DISTINCT FROM $3 "
            + "OR items_completed IS DISTINCT FROM $4 OR items_total IS DISTINCT FROM $5)",
            [providerStatus, percent, itemsCompleted, itemsTotal], cancellationToken);

    /// <summary>Ends the request with its artifacts and cost; false when it had already ended.</summary>
    public Task<bool> TryCompleteAsync(string requestId, IReadOnlyList<GeneratedArtifact> artifacts, IReadOnlyList<ArtifactFailure>? partialFailures,
        CreditCost? credits, DateTimeOffset providerFinishedAt, CancellationToken cancellationToken) =>
        UpdateAsync(requestId,
            "status = 'completed', artifacts = $2, credits_amount = $3, credits_unit = $4, credits_source = $5, provider_finished_at = $6, "
            + "partial_failures = $7, completed_at = now(), error_code = NULL, error_message = NULL, error_provider_code = NULL",
            "status NOT IN ('completed', 'failed')",
            [new JsonbValue(JsonSerializer.Serialize(artifacts, Json)), credits?.Amount, credits?.Unit, credits?.Source, providerFinishedAt,
                partialFailures is { Count: > 0 } ? new JsonbValue(JsonSerializer.Serialize(partialFailures, Json)) : null],
            cancellationToken);

    /// <summary>Ends the request as failed; false when it had already ended.</summary>
    public Task<bool> TryFailAsync(string requestId, GenerationError error, CreditCost? credits, DateTimeOffset? providerFinishedAt,
        CancellationToken cancellationToken) =>
        UpdateAsync(requestId,
            "status = 'failed', error_code = $2, error_message = $3, error_provider_code = $4, credits_amount = $5, credits_unit = $6, "
            + "credits_source = $7, provider_finished_at = $8, completed_at = now()",
            "status NOT IN ('completed', 'failed')",
            [error.Code, error.Message, error.ProviderCode, credits?.Amount, credits?.Unit, credits?.Source, providerFinishedAt],
            cancellationToken);

    /// <summary>
    /// The sweeper's claim: up to <paramref name="batch"/> unfinished rows that have not changed since
    /// <paramref name="staleBefore"/> or are past their deadline, each marked swept so no replica acts on it again before
    /// it is stale once more. Runs under a transaction-scoped advisory lock, so one replica sweeps at a time (and nothing
    /// outlives the transaction, whatever the pooler); another replica's sweep in progress yields nothing.
    /// </summary>
    public async Task<IReadOnlyList<GenerationRecord>> ClaimStuckAsync(DateTimeOffset staleBefore, DateTimeOffset deadlineBefore, int batch,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var gate = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock($1)", connection, transaction))
        {
            gate.Parameters.Add(new NpgsqlParameter { Value = SweepLockKey });
            if (await gate.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return [];
            }
        }

        var claimed = new List<GenerationRecord>();
        await using (var claim = new NpgsqlCommand("""
            UPDATE generations SET swept_at = $1
            WHERE request_id IN (
                SELECT request_id FROM generations
                WHERE status NOT IN ('completed', 'failed')
                  AND (swept_at IS NULL OR swept_at < $2)
                  AND (updated_at < $2 OR deadline < $3)
                ORDER BY updated_at
                LIMIT $4)
            RETURNING *
            """, connection, transaction))
        {
            claim.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
            claim.Parameters.Add(new NpgsqlParameter { Value = staleBefore });
            claim.Parameters.Add(new NpgsqlParameter { Value = deadlineBefore });
            claim.Parameters.Add(new NpgsqlParameter { Value = batch });
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(Read(reader));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return claimed;
    }

    /// <summary>Records a cancellation for a request the fleet has not seen yet, so its command is refused when it comes.</summary>
    public Task<bool> TryInsertCancelledAsync(string requestId, string message, CancellationToken cancellationToken) =>
        TryInsertAsync(new NewGeneration
        {
            RequestId = requestId,
            Kind = "",
            Provider = "",
            Model = "",
            Account = "",
            RequestJson = "{}",
            Rejection = new GenerationError(GenerationErrorCodes.Cancelled, message),
        }, cancellationToken);

    private async Task<bool> UpdateAsync(string requestId, string set, string where, object?[] values, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE generations SET {set}, updated_at = now() WHERE request_id = $1 AND {where}");
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        foreach (var value in values)
        {
            command.Parameters.Add(value switch
            {
                JsonbValue json => new NpgsqlParameter { Value = json.Text, NpgsqlDbType = NpgsqlDbType.Jsonb },
                null => new NpgsqlParameter { Value = DBNull.Value },
                _ => new NpgsqlParameter { Value = value },
            });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    private static GenerationRecord Read(DbDataReader r)
    {
        T? Get<T>(string column) => r.IsDBNull(r.GetOrdinal(column)) ? default : r.GetFieldValue<T>(r.GetOrdinal(column));
        DateTimeOffset? Time(string column) => r.IsDBNull(r.GetOrdinal(column)) ? null : new DateTimeOffset(r.GetFieldValue<DateTime>(r.GetOrdinal(column)), TimeSpan.Zero);
        CreditCost? Cost(string amount, string unit, string? source) =>
            Get<string>(unit) is { } u ? new CreditCost { Amount = Get<decimal>(amount), Unit = u, Source = source ?? CostSources.Estimated } : null;

        return new GenerationRecord
        {
            RequestId = r.GetString(r.GetOrdinal("request_id")),
            Kind = r.GetString(r.GetOrdinal("kind")),
            Provider = r.GetString(r.GetOrdinal("provider")),
            Model = r.GetString(r.GetOrdinal("model")),
            Account = r.GetString(r.GetOrdinal("account")),
            Status = r.GetString(r.GetOrdinal("status")),
            ProviderTaskId = Get<string>("provider_task_id"),
            Request = r.GetString(r.GetOrdinal("request")),
            Tags = Get<string>("tags") is { } tags ? JsonSerializer.Deserialize<Dictionary<string, string>>(tags, Json) : null,
            AcceptedAt = Time("accepted_at")!.Value,
            SubmittedAt = Time("submitted_at"),
            ProviderFinishedAt = Time("provider_finished_at"),
            CompletedAt = Time("completed_at"),
            Deadline = Time("deadline"),
            SubmitAttempts = r.GetInt32(r.GetOrdinal("submit_attempts")),
            PollCount = r.GetInt32(r.GetOrdinal("poll_count")),
            ProviderStatus = Get<string>("provider_status"),
            ProgressPercent = r.IsDBNull(r.GetOrdinal("progress_percent")) ? null : r.GetInt32(r.GetOrdinal("progress_percent")),
            PricePerResult = Cost("price_per_result", "price_unit", CostSources.Estimated),
            Credits = Cost("credits_amount", "credits_unit", Get<string>("credits_source")),
            ErrorCode = Get<string>("error_code"),
            ErrorMessage = Get<string>("error_message"),
            ErrorProviderCode = Get<string>("error_provider_code"),
            Artifacts = Get<string>("artifacts") is { } a ? JsonSerializer.Deserialize<List<GeneratedArtifact>>(a, Json) ?? [] : [],
            PartialFailures = Get<string>("partial_failures") is { } pf ? JsonSerializer.Deserialize<List<ArtifactFailure>>(pf, Json) : null,
            Submission = Map(Get<string>("submission")),
            Prepared = Map(Get<string>("prepared")),
            CallbackToken = Get<string>("callback_token"),
            SubmittingSince = Time("submitting_since"),
            ItemsCompleted = r.IsDBNull(r.GetOrdinal("items_completed")) ? null : r.GetInt32(r.GetOrdinal("items_completed")),
            ItemsTotal = r.IsDBNull(r.GetOrdinal("items_total")) ? null : r.GetInt32(r.GetOrdinal("items_total")),
            LeaseExpiresAt = Time("lease_expires_at"),
            UpdatedAt = Time("updated_at")!.Value,
        };
    }

    private static Dictionary<string, string> Map(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(json, Json) ?? [];

    private static object JsonOrNull<T>(T? value) where T : class => value is null ? DBNull.Value : JsonSerializer.Serialize(value, Json);

    /// <summary>The sweeper's transaction lock ("WKRSWEEP").</summary>
    private const long SweepLockKey = 0x574B_5253_5745_4550;

    private sealed record JsonbValue(string Text);
}
