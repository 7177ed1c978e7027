using Workers.Contracts;
using Workers.Providers.Depicta;

namespace Workers.Providers.Tests.Depicta;

/// <summary>Every rule accepted at its boundary and refused one step past it; the cases are named so each runs on its own.</summary>
public sealed class DepictaStoryRulesTests
{
    private const string Https = "https://example.com/a.png";

    private static readonly Dictionary<string, (Func<GenerateStoryboard, GenerateStoryboard> Change, bool Valid, string Mentioned)> Table = new()
    {
        ["model story-1"] = (c => c with { Model = DepictaModels.Story1 }, true, ""),
        ["model story-1-fast"] = (c => c with { Model = DepictaModels.Story1Fast }, true, ""),
        ["model image-1"] = (c => c with { Model = "depicta-image-1" }, false, "Model 'depicta-image-1' is not a Depicta story model"),
        ["model other case"] = (c => c with { Model = "Depicta-Story-1" }, false, "Model 'Depicta-Story-1'"),
        ["model missing"] = (c => c with { Model = null }, false, "Model is required"),

        ["story absent"] = (c => c with { Story = null }, true, ""),
        ["story 4000"] = (c => c with { Story = Text(4000) }, true, ""),
        ["story 4001"] = (c => c with { Story = Text(4001) }, false, "Story has 4001 characters; at most 4000"),
        ["story blank"] = (c => c with { Story = " " }, false, "Story is blank"),
        ["style 2000"] = (c => c with { Style = Text(2000) }, true, ""),
        ["style 2001"] = (c => c with { Style = Text(2001) }, false, "Style has 2001"),
        ["setting 2000"] = (c => c with { Setting = Text(2000) }, true, ""),
        ["setting 2001"] = (c => c with { Setting = Text(2001) }, false, "Setting has 2001"),
        ["raw prompts"] = (c => c with { RawPrompts = true }, true, ""),

        ["aspect 2:1"] = (c => c with { AspectRatio = "2:1" }, false, "AspectRatio '2:1' is not one of 1:1, 2:3"),
        ["aspect empty"] = (c => c with { AspectRatio = "" }, false, "AspectRatio ''"),
        ["resolution 1K"] = (c => c with { Resolution = "1K" }, true, ""),
        ["resolution 2K"] = (c => c with { Resolution = "2K" }, true, ""),
        ["resolution 4K"] = (c => c with { Resolution = "4K" }, false, "Resolution '4K' is not one of 1K, 2K"),
        ["resolution 1k"] = (c => c with { Resolution = "1k" }, false, "Resolution '1k'"),
        ["strictness normal"] = (c => c with { Strictness = "normal" }, true, ""),
        ["strictness liberal"] = (c => c with { Strictness = "liberal" }, true, ""),
        ["strictness strict"] = (c => c with { Strictness = "strict" }, false, "Strictness 'strict' is not one of normal, liberal"),

        ["characters missing"] = (c => c with { Characters = null, Scenes = NoCast(2) }, false, "Characters is required"),
        ["characters 0"] = (c => c with { Characters = [], Scenes = NoCast(2) }, false, "Characters has 0; a Depicta story needs 1 to 10"),
        ["characters 1"] = (c => c with { Characters = Characters(1), Scenes = DepictaStories.Scenes(2) }, true, ""),
        ["characters 10"] = (c => c with { Characters = Characters(10) }, true, ""),
        ["characters 11"] = (c => c with { Characters = Characters(11) }, false, "Characters has 11"),
        ["character null"] = (c => c with { Characters = [Fox(), null!], Scenes = DepictaStories.Scenes(2) }, false, "Characters[1] is null."),
        ["character name missing"] = (c => WithOwl(c, o => o with { Name = null }), false, "Characters[1].Name is required."),
        ["character name blank"] = (c => WithOwl(c, o => o with { Name = "  " }), false, "Characters[1].Name is required."),
        ["character name 100"] = (c => WithOwl(c, o => o with { Name = Text(100) }), true, ""),
        ["character name 101"] = (c => WithOwl(c, o => o with { Name = Text(101) }), false, "Characters[1].Name has 101 characters"),
        ["character name twice"] = (c => WithOwl(c, o => o with { Name = "Fox" }), false, "Characters[1].Name 'Fox' is already the name of Characters[0]"),
        ["appearance 2000"] = (c => WithOwl(c, o => o with { Appearance = Text(2000) }), true, ""),
        ["appearance 2001"] = (c => WithOwl(c, o => o with { Appearance = Text(2001) }), false, "Characters[1].Appearance has 2001"),
        ["character url http"] = (c => WithOwl(c, o => o with { ReferenceImageUrl = "http://127.0.0.1:5080/a.png" }), false,
            "Characters[1].ReferenceImageUrl 'http://127.0.0.1:5080/a.png' is not an absolute HTTPS URL."),
        ["character url relative"] = (c => WithOwl(c, o => o with { ReferenceImageUrl = "/a.png" }), false, "Characters[1].ReferenceImageUrl"),
        ["character url 4096"] = (c => WithOwl(c, o => o with { ReferenceImageUrl = Url(4096) }), true, ""),
        ["character url 4097"] = (c => WithOwl(c, o => o with { ReferenceImageUrl = Url(4097) }), false, "Characters[1].ReferenceImageUrl has 4097"),

        ["states 5"] = (c => WithFox(c, f => f with { States = States(5) }), true, ""),
        ["states 6"] = (c => WithFox(c, f => f with { States = States(6) }), false, "Characters[0].States has 6; Depicta allows at most 5"),
        ["state null"] = (c => WithFox(c, f => f with { States = new Dictionary<string, CharacterState> { ["winter"] = null! } }), false,
            "Characters[0].States['winter'] is null."),
        ["state name blank"] = (c => WithFox(c, f => f with { States = new Dictionary<string, CharacterState> { ["winter"] = new(), [" "] = new() } }), false,
            "Characters[0].States has a blank state name."),
        ["state name 101"] = (c => WithFox(c, f => f with { States = new Dictionary<string, CharacterState> { ["winter"] = new(), [Text(101)] = new() } }), false,
            "Characters[0].States state name has 101"),
        ["state appearance 2000"] = (c => WithWinter(c, new CharacterState { Appearance = Text(2000) }), true, ""),
        ["state appearance 2001"] = (c => WithWinter(c, new CharacterState { Appearance = Text(2001) }), false, "Characters[0].States['winter'].Appearance has 2001"),
        ["state url https"] = (c => WithWinter(c, new CharacterState { ReferenceImageUrl = Https }), true, ""),
        ["state url http"] = (c => WithWinter(c, new CharacterState { ReferenceImageUrl = "http://example.com/a.png" }), false,
            "Characters[0].States['winter'].ReferenceImageUrl"),

        ["scenes missing"] = (c => c with { Scenes = null }, false, "Scenes is required"),
        ["scenes 1"] = (c => c with { Scenes = DepictaStories.Scenes(1) }, false, "Scenes has 1; a Depicta story needs 2 to 10"),
        ["scenes 2"] = (c => c with { Scenes = DepictaStories.Scenes(2) }, true, ""),
        ["scenes 10"] = (c => c with { Scenes = DepictaStories.Scenes(10) }, true, ""),
        ["scenes 11"] = (c => c with { Scenes = DepictaStories.Scenes(11) }, false, "Scenes has 11"),
        ["scene null"] = (c => c with { Scenes = [.. DepictaStories.Scenes(2), null!] }, false, "Scenes[2] is null."),
        ["scene prompt absent"] = (c => WithScene(c, 0, s => s with { Prompt = null }), true, ""),
        ["scene prompt 4000"] = (c => WithScene(c, 0, s => s with { Prompt = Text(4000) }), true, ""),
        ["scene prompt 4001"] = (c => WithScene(c, 0, s => s with { Prompt = Text(4001) }), false, "Scenes[0].Prompt has 4001"),
        ["scene prompt blank"] = (c => WithScene(c, 0, s => s with { Prompt = "" }), false, "Scenes[0].Prompt is blank"),
        ["scene aspect 21:9"] = (c => WithScene(c, 1, s => s with { AspectRatio = "21:9" }), true, ""),
        ["scene aspect 7:3"] = (c => WithScene(c, 1, s => s with { AspectRatio = "7:3" }), false, "Scenes[1].AspectRatio '7:3' is not one of"),
        ["scene cast unknown"] = (c => WithScene(c, 1, s => s with { Characters = [new() { Name = "Bob" }] }), false,
            "Scenes[1].Characters[0].Name 'Bob' is not one of Characters."),
        ["scene cast other case"] = (c => WithScene(c, 1, s => s with { Characters = [new() { Name = "fox" }] }), false,
            "Scenes[1].Characters[0].Name 'fox' is not one of Characters."),
        ["scene cast name missing"] = (c => WithScene(c, 1, s => s with { Characters = [new() { Name = null }] }), false,
            "Scenes[1].Characters[0].Name is required."),
        ["scene cast null"] = (c => WithScene(c, 1, s => s with { Characters = [null!] }), false, "Scenes[1].Characters[0] is null."),
        ["scene cast twice"] = (c => WithScene(c, 0, s => s with { Characters = [new() { Name = "Fox" }, new() { Name = "Fox", State = "winter" }] }), false,
            "Scenes[0].Characters[1].Name 'Fox' appears in the scene twice."),
        ["scene cast state known"] = (c => WithScene(c, 0, s => s with { Characters = [new() { Name = "Fox", State = "winter" }] }), true, ""),
        ["scene cast state unknown"] = (c => WithScene(c, 1, s => s with { Characters = [new() { Name = "Fox", State = "summer" }] }), false,
            "Scenes[1].Characters[0].State 'summer' is not one of Fox's States (winter)."),
        ["scene cast state other case"] = (c => WithScene(c, 1, s => s with { Characters = [new() { Name = "Fox", State = "Winter" }] }), false,
            "Scenes[1].Characters[0].State 'Winter'"),
        ["scene cast state of stateless"] = (c => WithScene(c, 1, s => s with { Characters = [new() { Name = "Owl", State = "winter" }] }), false,
            "Scenes[1].Characters[0].State 'winter' is not a state of Owl, which has no States."),
        ["scene location unknown"] = (c => WithScene(c, 0, s => s with { Location = "Moon" }), false, "Scenes[0].Location 'Moon' is not one of Locations."),
        ["scene location other case"] = (c => WithScene(c, 0, s => s with { Location = "forest" }), false, "Scenes[0].Location 'forest'"),
        ["scene location blank"] = (c => WithScene(c, 0, s => s with { Location = "" }), false, "Scenes[0].Location is blank"),
        ["scene location without locations"] = (c => c with { Locations = null }, false, "Scenes[0].Location 'Forest' is not one of Locations."),

        ["locations absent"] = (c => c with { Locations = null, Scenes = DepictaStories.Scenes(2) }, true, ""),
        ["locations 10"] = (c => c with { Locations = Locations(10) }, true, ""),
        ["locations 11"] = (c => c with { Locations = Locations(11) }, false, "Locations has 11; at most 10"),
        ["location null"] = (c => c with { Locations = [.. Locations(1), null!] }, false, "Locations[1] is null."),
        ["location name missing"] = (c => c with { Locations = [.. Locations(1), new StoryLocation { Description = "d" }] }, false, "Locations[1].Name is required."),
        ["location name twice"] = (c => c with { Locations = [.. Locations(1), new StoryLocation { Name = "Forest" }] }, false,
            "Locations[1].Name 'Forest' is already the name of Locations[0]"),
        ["location description 2000"] = (c => c with { Locations = [new StoryLocation { Name = "Forest", Description = Text(2000) }] }, true, ""),
        ["location description 2001"] = (c => c with { Locations = [new StoryLocation { Name = "Forest", Description = Text(2001) }] }, false,
            "Locations[0].Description has 2001"),
        ["location url http"] = (c => c with { Locations = [new StoryLocation { Name = "Forest", ReferenceImageUrl = "http://example.com/f.png" }] }, false,
            "Locations[0].ReferenceImageUrl"),

        ["reference images 5"] = (c => c with { ReferenceImages = ReferenceImages(5) }, true, ""),
        ["reference images 6"] = (c => c with { ReferenceImages = ReferenceImages(6) }, false, "ReferenceImages has 6; Depicta allows at most 5"),
        ["reference image null"] = (c => c with { ReferenceImages = [null!] }, false, "ReferenceImages[0] is null."),
        ["reference image url missing"] = (c => c with { ReferenceImages = [new() { Description = "d" }] }, false, "ReferenceImages[0].Url is required."),
        ["reference image url http"] = (c => c with { ReferenceImages = [new() { Url = "http://localhost/a.png", Description = "d" }] }, false,
            "ReferenceImages[0].Url 'http://localhost/a.png' is not an absolute HTTPS URL."),
        ["reference image description missing"] = (c => c with { ReferenceImages = [new() { Url = Https }] }, false, "ReferenceImages[0].Description is required"),
        ["reference image description blank"] = (c => c with { ReferenceImages = [new() { Url = Https, Description = " " }] }, false,
            "ReferenceImages[0].Description is required"),
        ["reference image description 2000"] = (c => c with { ReferenceImages = [new() { Url = Https, Description = Text(2000) }] }, true, ""),
        ["reference image description 2001"] = (c => c with { ReferenceImages = [new() { Url = Https, Description = Text(2001) }] }, false,
            "ReferenceImages[0].Description has 2001"),

        ["topview grid mode"] = (c => c with { GridMode = "preset" }, false, "GridMode is a TopView field"),
        ["topview grid size"] = (c => c with { GridSize = 4 }, false, "GridSize is a TopView field"),
        ["topview duration"] = (c => c with { TargetDurationSeconds = 15 }, false, "TargetDurationSeconds is a TopView field"),
        ["topview reference urls"] = (c => c with { ReferenceImageUrls = [Https] }, false, "ReferenceImageUrls is a TopView field; Depicta takes ReferenceImages"),
        ["topview reference urls empty"] = (c => c with { ReferenceImageUrls = [] }, true, ""),
        ["topview board"] = (c => c with { BoardId = "b1" }, false, "BoardId is a TopView field"),
    };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in Table.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_Rule_AcceptedAtTheBoundaryAndRefusedPastIt(string name)
    {
        var (change, valid, mentioned) = Table[name];

        var errors = DepictaStoryRules.Validate(change(DepictaStories.Valid()), new DepictaOptions());

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => e.Contains(mentioned, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("1:1")]
    [InlineData("2:3")]
    [InlineData("3:2")]
    [InlineData("3:4")]
    [InlineData("4:3")]
    [InlineData("4:5")]
    [InlineData("5:4")]
    [InlineData("9:16")]
    [InlineData("16:9")]
    [InlineData("21:9")]
    public void Validate_EveryDocumentedAspectRatio_IsAcceptedForTheStoryAndEachScene(string ratio)
    {
        var command = WithScene(DepictaStories.Valid() with { AspectRatio = ratio }, 2, s => s with { AspectRatio = ratio });

        Assert.Empty(DepictaStoryRules.Validate(command, new DepictaOptions()));
    }

    [Fact]
    public void Validate_ValidStory_HasNoErrors() => Assert.Empty(DepictaStoryRules.Validate(DepictaStories.Valid(), new DepictaOptions()));

    [Fact]
    public void Validate_SeveralViolations_AreReportedTogether()
    {
        var command = DepictaStories.Valid() with
        {
            Characters = [],
            Scenes = [new StoryScene { Prompt = "a", Location = "Moon", Characters = [new() { Name = "Fox" }] }],
            Resolution = "4K",
            GridSize = 4,
            ReferenceImages = [new() { Url = "http://example.com/a.png" }],
        };

        var errors = DepictaStoryRules.Validate(command, new DepictaOptions());

        Assert.Equal(
            [
                "GridSize is a TopView field; Depicta makes one image per scene (2 to 10 Scenes).",
                "Resolution '4K' is not one of 1K, 2K.",
                "Characters has 0; a Depicta story needs 1 to 10.",
                "Scenes has 1; a Depicta story needs 2 to 10.",
                "Scenes[0].Characters[0].Name 'Fox' is not one of Characters.",
                "Scenes[0].Location 'Moon' is not one of Locations.",
                "ReferenceImages[0].Url 'http://example.com/a.png' is not an absolute HTTPS URL.",
                "ReferenceImages[0].Description is required: Depicta uses it to understand what the image shows.",
            ],
            errors);
    }

    [Fact]
    public void Validate_HundredsOfViolations_AreCappedWithACount()
    {
        var command = DepictaStories.Valid() with { Scenes = [.. Enumerable.Repeat<StoryScene>(null!, 60)] };

        var errors = DepictaStoryRules.Validate(command, new DepictaOptions());

        Assert.Equal(51, errors.Count);
        Assert.Equal("… and 11 more problems.", errors[^1]);
    }

    [Fact]
    public void Validate_ConfiguredLimitsAndModels_AreTheOnesApplied()
    {
        var limits = new DepictaOptions { MaxPromptLength = 10, StoryModels = ["house-story"] };

        var errors = DepictaStoryRules.Validate(DepictaStories.Valid() with { Story = Text(11) }, limits);

        Assert.Contains("Story has 11 characters; at most 10 are accepted.", errors);
        Assert.Contains("Model 'depicta-story-1' is not a Depicta story model (multi-turn); use house-story.", errors);
        Assert.Empty(DepictaStoryRules.Validate(DepictaStories.Valid() with { Model = "house-story", Story = Text(10), Scenes = NoCast(2) }, limits));
    }

    [Fact]
    public void ToRequest_ValidStory_MapsEveryField()
    {
        var command = DepictaStories.Valid() with
        {
            Resolution = "2K",
            RawPrompts = true,
            Strictness = "liberal",
            Setting = "a valley",
            ReferenceImages = [new() { Url = Https, Description = "the valley" }],
        };

        var request = DepictaStoryProvider.ToRequest(command);

        Assert.Equal((DepictaModels.Story1, command.Story, "watercolour", "a valley", "16:9", "2K", true, "liberal"),
            (request.Model, request.Prompt, request.Style, request.Setting, request.AspectRatio, request.ImageSize, request.RawPrompts, request.Strictness));
        Assert.Equal(["Fox", "Owl"], request.Characters.Select(c => c.Name));
        Assert.Equal("wearing a scarf", request.Characters[0].States!["winter"].Appearance);
        Assert.Equal("https://example.com/owl.png", request.Characters[1].ReferenceUrl);
        Assert.Equal(("Winter comes", "1:1", "Fox", "winter"),
            (request.Scenes[1].Prompt, request.Scenes[1].AspectRatio, request.Scenes[1].Characters![0].Name, request.Scenes[1].Characters![0].State));
        Assert.Equal("Forest", request.Scenes[0].Location);
        Assert.Equal(("Forest", "a pine forest"), (request.Locations![0].Name, request.Locations[0].Description));
        Assert.Equal((Https, "the valley"), (request.ReferenceImages![0].Url, request.ReferenceImages[0].Description));
    }

    [Fact]
    public void ToRequest_Serialized_UsesDepictasSnakeCaseNamesAndKeepsStateNames()
    {
        var request = DepictaStoryProvider.ToRequest(DepictaStories.Valid() with { Resolution = "1K", RawPrompts = false });

        var json = System.Text.Json.JsonSerializer.Serialize(request, DepictaJsonContext.Default.DepictaStoryRequest);

        Assert.Contains("\"aspect_ratio\":\"16:9\"", json, StringComparison.Ordinal);
        Assert.Contains("\"image_size\":\"1K\"", json, StringComparison.Ordinal);
        Assert.Contains("\"raw_prompts\":false", json, StringComparison.Ordinal);
        Assert.Contains("\"reference_url\":\"https://example.com/owl.png\"", json, StringComparison.Ordinal);
        Assert.Contains("\"states\":{\"winter\":{\"appearance\":\"wearing a scarf\"}}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
    }

    private static string Text(int length) => new('a', length);

    private static string Url(int length) => "https://example.com/" + new string('a', length - "https://example.com/".Length);

    private static StoryCharacter Fox() => DepictaStories.Valid().Characters![0];

    private static IReadOnlyList<StoryCharacter> Characters(int count) =>
        [.. DepictaStories.Valid().Characters!.Take(count), .. Enumerable.Range(3, Math.Max(0, count - 2)).Select(i => new StoryCharacter { Name = $"C{i}" })];

    private static Dictionary<string, CharacterState> States(int count) =>
        Enumerable.Range(1, count).ToDictionary(i => i == 1 ? "winter" : $"s{i}", _ => new CharacterState { Appearance = "a coat" });

    private static IReadOnlyList<StoryLocation> Locations(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new StoryLocation { Name = i == 1 ? "Forest" : $"L{i}" })];

    private static IReadOnlyList<DescribedImage> ReferenceImages(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new DescribedImage { Url = $"https://example.com/{i}.png", Description = $"image {i}" })];

    private static IReadOnlyList<StoryScene> NoCast(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new StoryScene { Prompt = $"scene {i}" })];

    private static GenerateStoryboard WithFox(GenerateStoryboard command, Func<StoryCharacter, StoryCharacter> change) =>
        command with { Characters = [change(command.Characters![0]), .. command.Characters.Skip(1)] };

    private static GenerateStoryboard WithOwl(GenerateStoryboard command, Func<StoryCharacter, StoryCharacter> change) =>
        command with { Characters = [command.Characters![0], change(command.Characters[1])], Scenes = DepictaStories.Scenes(2) };

    private static GenerateStoryboard WithWinter(GenerateStoryboard command, CharacterState winter) =>
        WithFox(command, f => f with { States = new Dictionary<string, CharacterState> { ["winter"] = winter } });

    private static GenerateStoryboard WithScene(GenerateStoryboard command, int index, Func<StoryScene, StoryScene> change) =>
        command with { Scenes = [.. command.Scenes!.Select((s, i) => i == index ? change(s) : s)] };
}
