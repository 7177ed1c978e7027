namespace Workers.Contracts;

/// <summary>The artifacts are stored durably and the cost is recorded. Published at least once per request.</summary>
public sealed record GenerationCompleted
{
    public string RequestId { get; init; } = "";

    /// <summary><see cref="GenerationKinds"/>.</summary>
    public string Kind { get; init; } = "";

    public string Provider { get; init; } = "";

    public string Model { get; init; } = "";

    public string ProviderTaskId { get; init; } = "";

    public IReadOnlyList<GeneratedArtifact> Artifacts { get; init; } = [];

    /// <summary>Items of the result the provider failed to make while others succeeded (e.g. one video of a set of four).</summary>
    public IReadOnlyList<ArtifactFailure>? PartialFailures { get; init; }

    /// <summary>What the task cost; null only where neither a report nor a price is known.</summary>
    public CreditCost? Cost { get; init; }

    public GenerationTimings Timings { get; init; } = new();

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>One stored artifact.</summary>
public sealed record GeneratedArtifact
{
    /// <summary>Position in the provider's result list.</summary>
    public int Index { get; init; }

    /// <summary>What the artifact is (<see cref="ArtifactRoles"/>): an image, a storyboard grid, a story scene, a character portrait, a video.</summary>
    public string? Role { get; init; }

    /// <summary>The provider's name for the item where it has one (a Depicta character's name).</summary>
    public string? Name { get; init; }

    /// <summary>Durable location in the fleet's artifact store, e.g. <c>postgres://artifacts/sha256/…</c>.</summary>
    public string Location { get; init; } = "";

    public string ContentType { get; init; } = "";

    public long SizeBytes { get; init; }

    /// <summary>Lower-case hex SHA-256 of the bytes; also the artifact's key in the store.</summary>
    public string Sha256 { get; init; } = "";

    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>Length of a video in seconds, read from the file itself.</summary>
    public decimal? DurationSeconds { get; init; }

    /// <summary>The provider URL the bytes were copied from (it expires).</summary>
    public string? SourceUrl { get; init; }
}

/// <summary>One item of a result that the provider reported failed.</summary>
public sealed record ArtifactFailure
{
    /// <summary>Position in the provider's result list.</summary>
    public int Index { get; init; }

    /// <summary><see cref="ArtifactRoles"/>.</summary>
    public string? Role { get; init; }

    public string Message { get; init; } = "";

    /// <summary>The provider's own code or status for the item.</summary>
    public string? ProviderCode { get; init; }
}

/// <summary>Credits spent on a task.</summary>
public sealed record CreditCost
{
    public decimal Amount { get; init; }

    /// <summary>The provider's unit: <c>credits</c>, <c>EUR</c>, <c>USD</c>.</summary>
    public string Unit { get; init; } = "";

    /// <summary><see cref="CostSources"/>: reported by the provider, or estimated from the fleet's price table.</summary>
    public string Source { get; init; } = "";
}

/// <summary>When each step happened.</summary>
public sealed record GenerationTimings
{
    /// <summary>The fleet first saw the command.</summary>
    public DateTimeOffset AcceptedAt { get; init; }

    /// <summary>The provider accepted the task.</summary>
    public DateTimeOffset? SubmittedAt { get; init; }

    /// <summary>The fleet saw the provider's terminal state.</summary>
    public DateTimeOffset? ProviderFinishedAt { get; init; }

    /// <summary>Results stored and the outcome recorded.</summary>
    public DateTimeOffset CompletedAt { get; init; }

    public int PollCount { get; init; }
}
