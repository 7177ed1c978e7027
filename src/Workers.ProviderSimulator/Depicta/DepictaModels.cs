using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>One Depicta model as <c>GET /v1/models</c> lists it.</summary>
internal sealed record DepictaModel(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("supports_multiturn")] bool SupportsMultiturn,
    [property: JsonPropertyName("image_sizes")] IReadOnlyList<string> ImageSizes);

/// <summary>
/// The simulated catalogue. [ASSUMPTION] Depicta's real model ids are not in the research; these are stand-ins, two
/// with multi-turn support (usable for stories) and one without (so 422 <c>model_not_capable</c> is reachable).
/// </summary>
internal static class DepictaModels
{
    public const string Story = "depicta-story-1";
    public const string StoryFast = "depicta-story-1-fast";
    public const string Image = "depicta-image-1";

    public static IReadOnlyList<DepictaModel> All { get; } =
    [
        new(Story, "Depicta Story 1", SupportsMultiturn: true, DepictaImageSizes.All),
        new(StoryFast, "Depicta Story 1 Fast", SupportsMultiturn: true, DepictaImageSizes.All),
        new(Image, "Depicta Image 1", SupportsMultiturn: false, DepictaImageSizes.All),
    ];

    public static DepictaModel? Find(string id) => All.FirstOrDefault(model => model.Id == id);
}
