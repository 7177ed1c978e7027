namespace Workers.Persistence.Generations;

/// <summary>A request as first recorded: pending, or failed straight away when it broke a rule.</summary>
public sealed record NewGeneration
{
    public required string RequestId { get; init; }

    public required string Kind { get; init; }

    public required string Provider { get; init; }

    public required string Model { get; init; }

    public required string Account { get; init; }

    public required string RequestJson { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The capability the provider's callback URL will carry.</summary>
    public string? CallbackToken { get; init; }

    /// <summary>Set when the command was refused before any call: the row is recorded as failed.</summary>
    public GenerationError? Rejection { get; init; }
}
