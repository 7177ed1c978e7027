namespace Workers.Persistence.Artifacts;

/// <summary>Durable, content-addressed (SHA-256) artifact bytes, streamed in and out; PostgreSQL by default, object storage later.</summary>
public interface IArtifactStore
{
    /// <summary>Streams <paramref name="content"/> to the end into the store; storing bytes already present returns the existing artifact.</summary>
    /// <exception cref="ArtifactTooLargeException">The content is longer than the store accepts; nothing was stored.</exception>
    Task<StoredArtifact> PutAsync(Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>The artifact with this lower-case hex SHA-256, or null.</summary>
    Task<StoredArtifact?> FindAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>A forward-only stream over the artifact's bytes that fetches them a chunk at a time, or null when absent.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);
}
