using Workers.Contracts;
using Workers.Providers.Depicta;

namespace Workers.Providers.Tests.Depicta;

/// <summary>Valid stories for the tests: two characters (Fox with a winter state), one location, three scenes.</summary>
public static class DepictaStories
{
    public static GenerateStoryboard Valid(string marker = "ok") => new()
    {
        RequestId = $"req-{marker}",
        Provider = ProviderNames.Depicta,
        Model = DepictaModels.Story1,
        Story = $"A fox and an owl become friends [{marker}]",
        Style = "watercolour",
        AspectRatio = "16:9",
        Characters =
        [
            new StoryCharacter
            {
                Name = "Fox",
                Appearance = "a small red fox",
                States = new Dictionary<string, CharacterState> { ["winter"] = new() { Appearance = "wearing a scarf" } },
            },
            new StoryCharacter { Name = "Owl", Appearance = "a grey owl", ReferenceImageUrl = "https://example.com/owl.png" },
        ],
        Locations = [new StoryLocation { Name = "Forest", Description = "a pine forest" }],
        Scenes =
        [
            new StoryScene { Prompt = "Fox meets Owl", Characters = [new() { Name = "Fox" }, new() { Name = "Owl" }], Location = "Forest" },
            new StoryScene { Prompt = "Winter comes", Characters = [new() { Name = "Fox", State = "winter" }], AspectRatio = "1:1" },
            new StoryScene { Prompt = "Spring again", Characters = [new() { Name = "Owl" }], Location = "Forest" },
        ],
    };

    /// <summary><paramref name="count"/> scenes, each with Fox.</summary>
    public static IReadOnlyList<StoryScene> Scenes(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new StoryScene { Prompt = $"scene {i}", Characters = [new() { Name = "Fox" }] })];
}
