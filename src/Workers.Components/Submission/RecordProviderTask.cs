using Workers.Contracts;

namespace Workers.Components.Submission;

/// <summary>
/// Internal: a provider accepted (and charged for) a task whose id the database could not take at that moment. The
/// message keeps it durably until the row can be written.
/// </summary>
public sealed record RecordProviderTask
{
    public string RequestId { get; init; } = "";

    public string Provider { get; init; } = "";

    public string ProviderTaskId { get; init; } = "";

    public IReadOnlyDictionary<string, string>? Details { get; init; }

    public DateTimeOffset Deadline { get; init; }

    public CreditCost? PricePerResult { get; init; }

    /// <summary>1 for the first attempt through this queue.</summary>
    public int Attempt { get; init; } = 1;
}
