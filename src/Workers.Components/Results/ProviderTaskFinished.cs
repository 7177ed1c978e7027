using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Components.Results;

/// <summary>Internal: a provider task reached its end; the results consumer copies its artifacts and records it.</summary>
public sealed record ProviderTaskFinished
{
    public string RequestId { get; init; } = "";

    public string Provider { get; init; } = "";

    public bool Succeeded { get; init; }

    /// <summary>The result items in the provider's order, each succeeded (with a URL) or failed on its own.</summary>
    public IReadOnlyList<ProviderResultItem> Items { get; init; } = [];

    public CreditCost? ReportedCost { get; init; }

    /// <summary>A <see cref="GenerationErrorCodes"/> value when the task failed.</summary>
    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public string? ProviderCode { get; init; }

    public DateTimeOffset FinishedAt { get; init; }

    /// <summary>1 for the first attempt at copying the artifacts.</summary>
    public int Attempt { get; init; } = 1;
}
