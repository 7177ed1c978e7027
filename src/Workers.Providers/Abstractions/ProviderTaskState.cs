using Workers.Contracts;

namespace Workers.Providers.Abstractions;

/// <summary>Where a provider task stands, in provider-neutral terms, with the provider's own words kept.</summary>
public sealed record ProviderTaskState
{
    public required ProviderTaskPhase Phase { get; init; }

    /// <summary>The provider's status word as it came, e.g. <c>processing</c>.</summary>
    public required string ProviderStatus { get; init; }

    public int? Percent { get; init; }

    public int? ItemsCompleted { get; init; }

    public int? ItemsTotal { get; init; }

    /// <summary>The result items in the provider's order (their URLs expire: copy them promptly); each may have failed on its own.</summary>
    public IReadOnlyList<ProviderResultItem> Items { get; init; } = [];

    /// <summary>A <see cref="GenerationErrorCodes"/> value when <see cref="Phase"/> is failed.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? ProviderCode { get; init; }

    /// <summary>The cost as the provider reported it, when it does.</summary>
    public CreditCost? ReportedCost { get; init; }
}

/// <summary>One item of a task's result: an image, a scene, a portrait, a video.</summary>
public sealed record ProviderResultItem
{
    /// <summary><see cref="ArtifactRoles"/>.</summary>
    public required string Role { get; init; }

    /// <summary>The provider's name for it, e.g. a character's name.</summary>
    public string? Name { get; init; }

    /// <summary>Where to download it; null when the item failed.</summary>
    public string? Url { get; init; }

    public bool Succeeded { get; init; } = true;

    public string? ErrorMessage { get; init; }

    public string? ProviderCode { get; init; }
}

/// <summary>The provider-neutral life cycle of a task.</summary>
public enum ProviderTaskPhase
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
