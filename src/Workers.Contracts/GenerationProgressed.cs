namespace Workers.Contracts;

/// <summary>The provider reported progress; published when the reported state changes.</summary>
public sealed record GenerationProgressed
{
    public string RequestId { get; init; } = "";

    public string Provider { get; init; } = "";

    public string ProviderTaskId { get; init; } = "";

    /// <summary>The provider's own status word, e.g. <c>processing</c>.</summary>
    public string ProviderStatus { get; init; } = "";

    /// <summary>0–100 where the provider reports it.</summary>
    public int? Percent { get; init; }

    /// <summary>Items finished so far (Depicta scenes), where the provider reports it.</summary>
    public int? ItemsCompleted { get; init; }

    public int? ItemsTotal { get; init; }

    public DateTimeOffset At { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
