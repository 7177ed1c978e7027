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

    /// <summary>Result URLs in the provider's order (they expire: copy them promptly).</summary>
    public IReadOnlyList<string> ResultUrls { get; init; } = [];

    /// <summary>A <see cref="GenerationErrorCodes"/> value when <see cref="Phase"/> is failed.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? ProviderCode { get; init; }

    /// <summary>The cost as the provider reported it, when it does.</summary>
    public CreditCost? ReportedCost { get; init; }
}

/// <summary>The provider-neutral life cycle of a task.</summary>
public enum ProviderTaskPhase
{
    Queued,
    Running,
    Succeeded,
    Failed,
}
