using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>The body of <c>POST /v1/generate/story</c> as sent (seed 002), before validation; absent fields are null.</summary>
internal sealed record DepictaStoryRequest
{
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    [JsonPropertyName("characters")]
    public IReadOnlyList<DepictaCharacterRequest?>? Characters { get; init; }

    [JsonPropertyName("scenes")]
    public IReadOnlyList<DepictaSceneRequest?>? Scenes { get; init; }

    [JsonPropertyName("locations")]
    public IReadOnlyList<DepictaLocationRequest?>? Locations { get; init; }

    [JsonPropertyName("reference_images")]
    public IReadOnlyList<DepictaReferenceImageRequest?>? ReferenceImages { get; init; }

    [JsonPropertyName("aspect_ratio")]
    public string? AspectRatio { get; init; }

    [JsonPropertyName("image_size")]
    public string? ImageSize { get; init; }

    [JsonPropertyName("style")]
    public string? Style { get; init; }

    [JsonPropertyName("setting")]
    public string? Setting { get; init; }

    [JsonPropertyName("raw_prompts")]
    public bool? RawPrompts { get; init; }

    [JsonPropertyName("strictness")]
    public string? Strictness { get; init; }
}

internal sealed record DepictaCharacterRequest
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("appearance")]
    public string? Appearance { get; init; }

    [JsonPropertyName("reference_url")]
    public string? ReferenceUrl { get; init; }

    [JsonPropertyName("states")]
    public IReadOnlyDictionary<string, DepictaStateRequest?>? States { get; init; }
}

internal sealed record DepictaStateRequest
{
    [JsonPropertyName("appearance")]
    public string? Appearance { get; init; }

    [JsonPropertyName("reference_url")]
    public string? ReferenceUrl { get; init; }
}

internal sealed record DepictaSceneRequest
{
    [JsonPropertyName("prompt")]
    public string? Prompt { get; init; }

    [JsonPropertyName("aspect_ratio")]
    public string? AspectRatio { get; init; }

    [JsonPropertyName("characters")]
    public IReadOnlyList<DepictaSceneCharacterRequest?>? Characters { get; init; }

    [JsonPropertyName("location")]
    public string? Location { get; init; }
}

internal sealed record DepictaSceneCharacterRequest
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("state")]
    public string? State { get; init; }
}

internal sealed record DepictaLocationRequest
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("reference_url")]
    public string? ReferenceUrl { get; init; }
}

internal sealed record DepictaReferenceImageRequest
{
    [JsonPropertyName("url")]
    public string? Url { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
