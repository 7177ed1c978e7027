using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace Workers.Persistence;

/// <summary>Where the fleet's PostgreSQL state lives and how artifacts are chunked; bound from the <c>Postgres</c> section.</summary>
public sealed class PersistenceOptions : IValidatableObject
{
    public const string SectionName = "Postgres";

    public const int MinChunkSizeBytes = 1024;

    /// <summary>Bounded so one chunk row stays a small, ordinary bytea value (PostgreSQL caps a value at 1 GiB).</summary>
    public const int MaxChunkSizeBytes = 64 * 1024 * 1024;

    /// <summary>Npgsql connection string, e.g. <c>Host=localhost;Username=workers;Password=…;Database=workers</c>.</summary>
    [Required]
    public string ConnectionString { get; set; } = "";

    /// <summary>Apply pending schema migrations when the host starts, before any other hosted service. Default true.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Bytes per stored chunk: the most an upload or a download holds in memory at once. Default 1 MiB.</summary>
    [Range(MinChunkSizeBytes, MaxChunkSizeBytes)]
    public int ChunkSizeBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest artifact accepted, in bytes; a bigger upload fails with <see cref="Artifacts.ArtifactTooLargeException"/>. Default 2 GiB.</summary>
    [Range(0, long.MaxValue)]
    public long MaxArtifactBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A malformed string should stop the host at start-up, not at the first query; the message names no values (it may hold a password).
        var error = ConnectionStringError(ConnectionString);
        if (error is not null)
        {
            yield return new ValidationResult(error, [nameof(ConnectionString)]);
        }
    }

    private static string? ConnectionStringError(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (ArgumentException)
        {
            return $"{nameof(ConnectionString)} is not a valid Npgsql connection string.";
        }
    }
}
