namespace Workers.Providers.Depicta;

/// <summary>
/// The values Depicta documents for stories (https://depicta.ai/docs/api/operations/generatestory/) and, where the story
/// page is silent, for its image endpoints (https://depicta.ai/docs/creating-images/generate/).
/// </summary>
public static class DepictaModels
{
    public const string Story1 = "depicta-story-1";

    public const string Story1Fast = "depicta-story-1-fast";

    /// <summary>The story job's <c>type</c> in <c>GET /v1/jobs</c>.</summary>
    public const string StoryJobType = "story";

    public const int MinCharacters = 1;

    public const int MaxCharacters = 10;

    public const int MaxStatesPerCharacter = 5;

    public const int MinScenes = 2;

    public const int MaxScenes = 10;

    public const int MaxReferenceImages = 5;

    public static readonly IReadOnlyList<string> AspectRatios = ["1:1", "2:3", "3:2", "3:4", "4:3", "4:5", "5:4", "9:16", "16:9", "21:9"];

    /// <summary>The image endpoints' sizes; <c>1K</c> is Depicta's default.</summary>
    public static readonly IReadOnlyList<string> ImageSizes = ["1K", "2K"];

    /// <summary>Content classification: <c>normal</c> (brand-safe) or <c>liberal</c> (legal limits only).</summary>
    public static readonly IReadOnlyList<string> Strictness = ["normal", "liberal"];

    /// <summary>The formats each scene comes in (<c>result.scenes[].images</c>); png is always there.</summary>
    public static readonly IReadOnlyList<string> ImageFormats = ["png", "jpeg", "webp"];

    public const string DefaultImageFormat = "png";
}
