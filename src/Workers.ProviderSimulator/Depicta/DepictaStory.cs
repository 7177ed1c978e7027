namespace Workers.ProviderSimulator.Depicta;

/// <summary>A submission that passed validation: what to generate.</summary>
/// <remarks>
/// <c>PromptText</c> is the overall prompt and every scene prompt joined with newlines (what scripts match and the
/// submissions list shows). Portraits are generated first, one per character, then the scenes in order.
/// </remarks>
internal sealed record DepictaStory(
    DepictaModel Model,
    string PromptText,
    IReadOnlyList<string> CharacterNames,
    IReadOnlyList<DepictaScene> Scenes)
{
    /// <summary>Portraits plus scene images: the steps a job goes through.</summary>
    public int ImageCount => CharacterNames.Count + Scenes.Count;
}

/// <summary>One scene to render, with its pixel size.</summary>
internal sealed record DepictaScene(string Prompt, int Width, int Height);
