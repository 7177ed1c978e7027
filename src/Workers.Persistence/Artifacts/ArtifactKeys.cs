using System.Buffers;

namespace Workers.Persistence.Artifacts;

/// <summary>Artifact keys (SHA-256 as lower-case hex) and the <c>postgres://</c> locations built from them.</summary>
public static class ArtifactKeys
{
    /// <summary>Length of a SHA-256 in hex characters.</summary>
    public const int Sha256HexLength = 64;

    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>The durable location recorded in <c>GenerationCompleted</c> for an artifact kept in PostgreSQL.</summary>
    public static string PostgresLocation(string sha256) => $"postgres://artifacts/sha256/{sha256}";

    /// <summary>The lower-case form of a 64-character hex SHA-256; throws on anything else, since that is a caller bug, not a missing artifact.</summary>
    public static string NormalizeSha256(string sha256)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        if (sha256.Length != Sha256HexLength || sha256.AsSpan().ContainsAnyExcept(HexDigits))
        {
            throw new ArgumentException($"Expected a SHA-256 as {Sha256HexLength} hex characters.", nameof(sha256));
        }

        return sha256.ToLowerInvariant();
    }
}
