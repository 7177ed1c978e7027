using Workers.Contracts;

namespace Workers.Persistence.Generations;

/// <summary>A row of <c>generations</c>.</summary>
public sealed record GenerationRecord
{
    public required string RequestId { get; init; }

    public required string Kind { get; init; }

    public required string Provider { get; init; }

    public required string Model { get; init; }

    public required string Account { get; init; }

    public required string Status { get; init; }

    public string? ProviderTaskId { get; init; }

    /// <summary>The command as received, JSON.</summary>
    public required string Request { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public DateTimeOffset AcceptedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? ProviderFinishedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? Deadline { get; init; }

    public int SubmitAttempts { get; init; }

    public int PollCount { get; init; }

    public string? ProviderStatus { get; init; }

    public int? ProgressPercent { get; init; }

    /// <summary>The price of one result quoted at submission, for providers that report no cost.</summary>
    public CreditCost? PricePerResult { get; init; }

    public CreditCost? Credits { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? ErrorProviderCode { get; init; }

    public IReadOnlyList<GeneratedArtifact> Artifacts { get; init; } = [];

    public IReadOnlyList<ArtifactFailure>? PartialFailures { get; init; }

    /// <summary>What the provider handed back with the task id (see <c>ProviderSubmission.Details</c>).</summary>
    public IReadOnlyDictionary<string, string> Submission { get; init; } = new Dictionary<string, string>();

    /// <summary>Inputs prepared before the paid call, e.g. reference URL → provider file id.</summary>
    public IReadOnlyDictionary<string, string> Prepared { get; init; } = new Dictionary<string, string>();

    /// <summary>The capability in this request's callback URL.</summary>
    public string? CallbackToken { get; init; }

    public DateTimeOffset? SubmittingSince { get; init; }

    public int? ItemsCompleted { get; init; }

    public int? ItemsTotal { get; init; }

    /// <summary>When the current submission lease ends, if one is held.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The row's last change.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsTerminal => GenerationStatus.IsTerminal(Status);
}

/// <summary>A failure to record: a typed code, a message and the provider's own code.</summary>
public sealed record GenerationError(string Code, string Message, string? ProviderCode = null);
