namespace Workers.Persistence.Artifacts;

/// <summary>An upload exceeded <see cref="PersistenceOptions.MaxArtifactBytes"/>; nothing of it was kept.</summary>
public sealed class ArtifactTooLargeException : Exception
{
    public ArtifactTooLargeException(long maxBytes)
        : base($"The artifact is larger than the {maxBytes} bytes the store accepts ({nameof(PersistenceOptions)}.{nameof(PersistenceOptions.MaxArtifactBytes)}).")
    {
        MaxBytes = maxBytes;
    }

    public ArtifactTooLargeException()
    {
    }

    public ArtifactTooLargeException(string message)
        : base(message)
    {
    }

    public ArtifactTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The limit that was exceeded, in bytes.</summary>
    public long MaxBytes { get; }
}
