namespace Workers.Contracts;

/// <summary>
/// A command was refused without touching its request: it reused a <c>RequestId</c> whose request is under way with
/// different content (an idempotency key names one request only). The original request goes on and ends with its own
/// <see cref="GenerationCompleted"/> or <see cref="GenerationFailed"/>.
/// </summary>
public sealed record GenerationCommandRefused
{
    public string RequestId { get; init; } = "";

    /// <summary><see cref="GenerationKinds"/>.</summary>
    public string Kind { get; init; } = "";

    public string? Provider { get; init; }

    /// <summary>Always <c>validation</c> today.</summary>
    public string Code { get; init; } = GenerationErrorCodes.Validation;

    public string Message { get; init; } = "";

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
