namespace Workers.Providers.Depicta;

/// <summary>The body of <c>POST /v1/generate/story</c> (https://depicta.ai/docs/api/operations/generatestory/).</summary>
public sealed record DepictaStoryRequest
{
    public required string Model { get; init; }

    /// <summary>The overall story prompt, context for every scene.</summary>
    public string? Prompt { get; init; }

    public string? Style { get; init; }

    public string? Setting { get; init; }

    /// <summary>Default of every scene; a scene may override it.</summary>
    public string? AspectRatio { get; init; }

    public string? ImageSize { get; init; }

    public bool? RawPrompts { get; init; }

    public string? Strictness { get; init; }

    public required IReadOnlyList<DepictaCharacter> Characters { get; init; }

    public required IReadOnlyList<DepictaScene> Scenes { get; init; }

    public IReadOnlyList<DepictaLocation>? Locations { get; init; }

    public IReadOnlyList<DepictaReferenceImage>? ReferenceImages { get; init; }
}

public sealed record DepictaCharacter
{
    public required string Name { get; init; }

    public string? Appearance { get; init; }

    public string? ReferenceUrl { get; init; }

    /// <summary>State name → appearance variant; the names are sent as given.</summary>
    public IReadOnlyDictionary<string, DepictaCharacterState>? States { get; init; }
}

public sealed record DepictaCharacterState
{
    public string? Appearance { get; init; }

    public string? ReferenceUrl { get; init; }
}

public sealed record DepictaScene
{
    public string? Prompt { get; init; }

    public string? AspectRatio { get; init; }

    public IReadOnlyList<DepictaSceneCharacter>? Characters { get; init; }

    public string? Location { get; init; }
}

public sealed record DepictaSceneCharacter
{
    public required string Name { get; init; }

    public string? State { get; init; }
}

public sealed record DepictaLocation
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public string? ReferenceUrl { get; init; }
}

public sealed record DepictaReferenceImage
{
    public required string Url { get; init; }

    public required string Description { get; init; }
}
