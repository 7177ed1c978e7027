namespace Workers.Providers.Abstractions;

/// <summary>
/// Reads a provider's task-completion callback. The fleet has already checked the per-generation token in the URL;
/// the receiver checks what the provider itself signs or sends, and says how to acknowledge. A callback is only a hint:
/// the fleet then polls the task, and the poll decides.
/// </summary>
public interface IProviderCallbackReceiver
{
    string Provider { get; }

    /// <summary>Checks and reads one callback about <paramref name="task"/>.</summary>
    CallbackVerdict Read(ProviderCallback callback, ProviderTaskRef task);
}

/// <summary>A callback as it arrived.</summary>
public sealed record ProviderCallback(IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> Body, DateTimeOffset ReceivedAt)
{
    /// <summary>A header's value by case-insensitive name, or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>What a receiver made of a callback.</summary>
public sealed record CallbackVerdict
{
    /// <summary>The callback is genuine and about the task: poll it now.</summary>
    public required bool Accepted { get; init; }

    /// <summary>Why it was refused (logged; never sent back in detail).</summary>
    public string? Reason { get; init; }

    /// <summary>Identifies this notification, so that a repeated delivery is acknowledged without another poll.</summary>
    public string? DeduplicationKey { get; init; }

    /// <summary>HTTP status of the answer.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>JSON body of the answer, in the form the provider expects as acknowledgement.</summary>
    public string? ResponseJson { get; init; }
}
