namespace Workers.Contracts;

/// <summary>The provider accepted the task: from here on it is paid for and followed to an end.</summary>
public sealed record GenerationAccepted
{
    public string RequestId { get; init; } = "";

    /// <summary><see cref="GenerationKinds"/>.</summary>
    public string Kind { get; init; } = "";

    public string Provider { get; init; } = "";

    public string Model { get; init; } = "";

    public string Account { get; init; } = "";

    public string ProviderTaskId { get; init; } = "";

    public DateTimeOffset AcceptedAt { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
