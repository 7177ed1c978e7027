namespace Workers.Contracts;

/// <summary>Generate one or more still images (UniAll: NanoBanana*, gpt-image-2).</summary>
/// <remarks>
/// Every member is optional on the wire so that a message missing a field still reaches the fleet and ends
/// as a <see cref="GenerationFailed"/> with code <c>validation</c> instead of a deserialization error.
/// </remarks>
public sealed record GenerateImage : IGenerationCommand
{
    /// <summary>Producer-chosen idempotency key: the same id is generated (and paid for) at most once.</summary>
    public string RequestId { get; init; } = "";

    /// <summary>Provider name (<see cref="ProviderNames"/>); the configured default when null.</summary>
    public string? Provider { get; init; }

    /// <summary>Provider model id, e.g. <c>gpt-image-2</c> or <c>NanoBanana2-1K</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Provider account (a named credential set in the fleet's configuration); the default when null.</summary>
    public string? Account { get; init; }

    public string? Prompt { get; init; }

    /// <summary>HTTPS URLs of reference images; present means image-to-image.</summary>
    public IReadOnlyList<string>? ReferenceImageUrls { get; init; }

    /// <summary>Pixel size <c>WIDTHxHEIGHT</c> (gpt-image-2: required, one of its 48 sizes).</summary>
    public string? Size { get; init; }

    /// <summary>Aspect ratio such as <c>16:9</c> (NanoBanana only).</summary>
    public string? AspectRatio { get; init; }

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c> (gpt-image-2 only).</summary>
    public string? Quality { get; init; }

    /// <summary>Number of images (gpt-image-2: 1–8; NanoBanana: 1).</summary>
    public int? Count { get; init; }

    /// <summary><c>png</c>, <c>jpeg</c> or <c>webp</c>, as the model allows.</summary>
    public string? OutputFormat { get; init; }

    /// <inheritdoc />
    public int? TimeoutSeconds { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
