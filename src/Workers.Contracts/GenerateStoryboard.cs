namespace Workers.Contracts;

/// <summary>
/// Generate a storyboard: TopView turns a story into one grid preview image; Depicta turns characters and
/// scenes into one image per scene.
/// </summary>
public sealed record GenerateStoryboard : IGenerationCommand
{
    /// <inheritdoc />
    public string RequestId { get; init; } = "";

    /// <inheritdoc />
    public string? Provider { get; init; }

    /// <inheritdoc />
    public string? Model { get; init; }

    /// <inheritdoc />
    public string? Account { get; init; }

    /// <summary>The story (TopView: required, ≤ 5000 chars) or the overall context (Depicta: optional).</summary>
    public string? Story { get; init; }

    /// <summary>Aspect ratio such as <c>16:9</c>; Depicta scenes may override it.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>Image size class: <c>512p</c>, <c>1K</c>, <c>2K</c>, <c>4K</c> as the model allows.</summary>
    public string? Resolution { get; init; }

    /// <summary>TopView: <c>auto</c>, <c>preset</c> (default) or <c>custom</c>.</summary>
    public string? GridMode { get; init; }

    /// <summary>TopView: panels in the grid (preset 4/9/25, custom 2–25).</summary>
    public int? GridSize { get; init; }

    /// <summary>TopView: target video length that the storyboard plans for (≥ 1, default 15).</summary>
    public int? TargetDurationSeconds { get; init; }

    /// <summary>TopView: HTTPS URLs of reference images, uploaded by the fleet (max 16/14/6 by model).</summary>
    public IReadOnlyList<string>? ReferenceImageUrls { get; init; }

    /// <summary>TopView board to attach the task to.</summary>
    public string? BoardId { get; init; }

    /// <summary>Depicta: 1–10 characters.</summary>
    public IReadOnlyList<StoryCharacter>? Characters { get; init; }

    /// <summary>Depicta: 2–10 scenes.</summary>
    public IReadOnlyList<StoryScene>? Scenes { get; init; }

    /// <summary>Depicta: named locations that scenes refer to.</summary>
    public IReadOnlyList<StoryLocation>? Locations { get; init; }

    /// <summary>Depicta: up to 5 shared reference images.</summary>
    public IReadOnlyList<DescribedImage>? ReferenceImages { get; init; }

    /// <summary>Depicta: visual style for all scenes.</summary>
    public string? Style { get; init; }

    /// <summary>Depicta: physical setting of the story.</summary>
    public string? Setting { get; init; }

    /// <summary>Depicta: send scene prompts without template wrapping.</summary>
    public bool? RawPrompts { get; init; }

    /// <summary>Depicta: <c>normal</c> or <c>liberal</c> content classification.</summary>
    public string? Strictness { get; init; }

    /// <inheritdoc />
    public int? TimeoutSeconds { get; init; }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>A named story character.</summary>
public sealed record StoryCharacter
{
    public string? Name { get; init; }

    public string? Appearance { get; init; }

    public string? ReferenceImageUrl { get; init; }

    /// <summary>Up to 5 named appearance variants (costumes, disguises).</summary>
    public IReadOnlyDictionary<string, CharacterState>? States { get; init; }
}

/// <summary>An appearance variant of a character.</summary>
public sealed record CharacterState
{
    public string? Appearance { get; init; }

    public string? ReferenceImageUrl { get; init; }
}

/// <summary>One scene of a story.</summary>
public sealed record StoryScene
{
    public string? Prompt { get; init; }

    public string? AspectRatio { get; init; }

    /// <summary>Characters in the scene; each name must match a top-level character.</summary>
    public IReadOnlyList<SceneCharacter>? Characters { get; init; }

    /// <summary>Name of a top-level location.</summary>
    public string? Location { get; init; }
}

/// <summary>A character appearing in a scene, optionally in one of its states.</summary>
public sealed record SceneCharacter
{
    public string? Name { get; init; }

    public string? State { get; init; }
}

/// <summary>A named location.</summary>
public sealed record StoryLocation
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ReferenceImageUrl { get; init; }
}

/// <summary>An HTTPS image URL with what it shows.</summary>
public sealed record DescribedImage
{
    public string? Url { get; init; }

    public string? Description { get; init; }
}
