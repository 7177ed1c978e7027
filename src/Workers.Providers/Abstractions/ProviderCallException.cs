namespace Workers.Providers.Abstractions;

/// <summary>
/// A provider call that did not give an answer the fleet can use, saying what is known about acceptance:
/// the paid-submission protocol retries only what the provider provably did not accept.
/// </summary>
public sealed class ProviderCallException : Exception
{
    public ProviderCallException(ProviderFailureKind kind, string code, string message, string? providerCode = null,
        TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Code = code;
        ProviderCode = providerCode;
        RetryAfter = retryAfter;
    }

    public ProviderFailureKind Kind { get; }

    /// <summary>A <see cref="Contracts.GenerationErrorCodes"/> value.</summary>
    public string Code { get; }

    public string? ProviderCode { get; }

    /// <summary>What the provider asked for (<c>Retry-After</c>), when it did.</summary>
    public TimeSpan? RetryAfter { get; }
}

/// <summary>What a failed call tells about the task.</summary>
public enum ProviderFailureKind
{
    /// <summary>Refused for good (a rule, credits, content): not accepted, do not retry.</summary>
    Rejected,

    /// <summary>Refused for now (429, 503, connection refused, open circuit): not accepted, retry later.</summary>
    Transient,

    /// <summary>The request may have been accepted (timeout, dropped connection, 5xx mid-call): never resubmit.</summary>
    OutcomeUnknown,

    /// <summary>The provider does not know the task (polls only).</summary>
    NotFound,
}
