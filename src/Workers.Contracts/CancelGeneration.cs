namespace Workers.Contracts;

/// <summary>Stop following a generation; it ends as <see cref="GenerationFailed"/> with code <c>cancelled</c>.</summary>
public sealed record CancelGeneration
{
    public string RequestId { get; init; } = "";

    public string? Reason { get; init; }
}
