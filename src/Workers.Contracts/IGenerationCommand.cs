namespace Workers.Contracts;

/// <summary>What every generation command carries, whatever its kind.</summary>
/// <remarks>The fleet excludes this interface from the broker topology: it is never an exchange of its own.</remarks>
public interface IGenerationCommand
{
    /// <summary>Producer-chosen idempotency key: the same id is generated (and paid for) at most once.</summary>
    string RequestId { get; }

    /// <summary>Provider name (<see cref="ProviderNames"/>); the configured default when null.</summary>
    string? Provider { get; }

    /// <summary>Provider model id or display name.</summary>
    string? Model { get; }

    /// <summary>Provider account (a named credential set in the fleet's configuration); the default when null.</summary>
    string? Account { get; }

    /// <summary>Overall deadline from acceptance to result, in seconds; the provider's default when null.</summary>
    int? TimeoutSeconds { get; }

    /// <summary>Producer's own key/values, echoed on every event about this request.</summary>
    IReadOnlyDictionary<string, string>? Tags { get; }
}
