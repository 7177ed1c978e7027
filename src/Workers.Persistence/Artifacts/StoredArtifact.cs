namespace Workers.Persistence.Artifacts;

/// <summary>An artifact in the store: its key (lower-case hex SHA-256), size, media type and durable location URI.</summary>
public sealed record StoredArtifact(string Sha256, long SizeBytes, string ContentType, string Location);
