namespace Workers.Contracts;

/// <summary>Generate one or more videos (TopView image-to-video V2; Apikley <c>sora-2-pro-storyboard</c>).</summary>
public sealed record GenerateVideo : IGenerationCommand
{
    /// <inheritdoc />
    public string RequestId { get; init; } = "";

    /// <inheritdoc />
    public string? Provider { get; init; }

    /// <inheritdoc />
    public string? Model { get; init; }

    /// <inheritdoc />
    public string? Account { get; init; }

    public string? Prompt { get; init; }

    /// <summary>HTTPS URL of the first frame (TopView single / first+last mode; Apikley's one input image).</summary>
    public string? FirstFrameUrl { get; init; }

    /// <summary>HTTPS URL of the end frame (TopView first+last mode).</summary>
    public string? EndFrameUrl { get; init; }

    /// <summary>HTTPS URLs of reference images (TopView multi-reference mode: at least 2).</summary>
    public IReadOnlyList<string>? ReferenceImageUrls { get; init; }

    /// <summary>Aspect ratio such as <c>16:9</c>; Apikley maps <c>16:9</c>/<c>9:16</c> to landscape/portrait.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>Vertical resolution in pixels (480, 720, 1080, …) where the model offers a choice.</summary>
    public int? Resolution { get; init; }

    /// <summary>Total video length in seconds (Apikley: 10, 15 or 25).</summary>
    public int? DurationSeconds { get; init; }

    /// <summary>Generate sound where the model can.</summary>
    public bool? Sound { get; init; }

    /// <summary>Number of videos (TopView: 1–4).</summary>
    public int? Count { get; init; }

    /// <summary>Shots with their durations (Apikley: 1–10 shots, 0.1–15 s each, total ≤ duration).</summary>
    public IReadOnlyList<VideoShot>? Shots { get; init; }

    /// <summary>TopView board to attach the task to.</summary>
    public string? BoardId { get; init; }

    /// <inheritdoc />
    public int? TimeoutSeconds { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>One shot of a multi-shot video.</summary>
public sealed record VideoShot
{
    public string? Prompt { get; init; }

    public decimal? DurationSeconds { get; init; }
}
