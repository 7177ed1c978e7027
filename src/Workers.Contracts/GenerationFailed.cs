namespace Workers.Contracts;

/// <summary>The generation ended without a result. Published at least once per failed request.</summary>
public sealed record GenerationFailed
{
    public string RequestId { get; init; } = "";

    public string? Kind { get; init; }

    public string? Provider { get; init; }

    public string? Model { get; init; }

    public string? ProviderTaskId { get; init; }

    /// <summary>One of <see cref="GenerationErrorCodes"/>.</summary>
    public string Code { get; init; } = "";

    public string Message { get; init; } = "";

    /// <summary>The provider's own code or status, kept as it came.</summary>
    public string? ProviderCode { get; init; }

    /// <summary>What the provider charged anyway, where it reports it.</summary>
    public CreditCost? Cost { get; init; }

    public GenerationTimings? Timings { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
