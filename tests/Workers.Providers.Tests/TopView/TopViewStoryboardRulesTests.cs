using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.TopView;

namespace Workers.Providers.Tests.TopView;

public sealed class TopViewStoryboardRulesTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(5000, true)]
    [InlineData(5001, false)]
    public void Validate_StoryLength_IsOneToFiveThousand(int length, bool valid) =>
        AssertValidity(Valid() with { Story = new string('a', length) }, valid, "Story");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_NoStory_IsRejected(string? story) => AssertValidity(Valid() with { Story = story }, false, "Story is required");

    [Theory]
    [InlineData("GPT Image 2", true)]
    [InlineData("gpt image 2", true)]
    [InlineData("gpt-image-2", true)]
    [InlineData("NANO-BANANA-PRO", true)]
    [InlineData("Nano Banana 2", true)]
    [InlineData("nano banana", false)]
    [InlineData("gpt-image-1", false)]
    [InlineData("", false)]
    public void Validate_Model_ByDisplayNameOrCodeInAnyCase(string model, bool valid) =>
        AssertValidity(Valid() with { Model = model }, valid, "Model");

    [Theory]
    [InlineData("Nano Banana 2", "512p", true)]
    [InlineData("Nano Banana 2", "4K", true)]
    [InlineData("Nano Banana Pro", "512p", false)]
    [InlineData("GPT Image 2", "512p", false)]
    [InlineData("GPT Image 2", "1K", true)]
    [InlineData("GPT Image 2", "8K", false)]
    [InlineData("GPT Image 2", "1k", false)]
    public void Validate_Resolution_FollowsTheModel(string model, string resolution, bool valid) =>
        AssertValidity(Valid() with { Model = model, Resolution = resolution }, valid, "Resolution");

    [Fact]
    public void Validate_NoResolution_IsRejected() => AssertValidity(Valid() with { Resolution = null }, false, "Resolution is required");

    [Theory]
    [InlineData("16:9", true)]
    [InlineData("9:16", true)]
    [InlineData("1:1", true)]
    [InlineData("4:3", false)]
    [InlineData("21:9", false)]
    public void Validate_AspectRatio_IsOneOfThree(string ratio, bool valid) =>
        AssertValidity(Valid() with { AspectRatio = ratio }, valid, "AspectRatio");

    [Theory]
    [InlineData(null, 4, true)]
    [InlineData("preset", 9, true)]
    [InlineData("preset", 25, true)]
    [InlineData("preset", 8, false)]
    [InlineData("preset", 16, false)]
    [InlineData("custom", 2, true)]
    [InlineData("custom", 25, true)]
    [InlineData("custom", 1, false)]
    [InlineData("custom", 26, false)]
    [InlineData("auto", 9, false)]
    [InlineData("auto", null, true)]
    [InlineData("custom", null, true)]
    [InlineData("manual", null, false)]
    public void Validate_Grid_FollowsTheMode(string? mode, int? size, bool valid) =>
        AssertValidity(Valid() with { GridMode = mode, GridSize = size }, valid, "Grid");

    [Theory]
    [InlineData(1, true)]
    [InlineData(0, false)]
    [InlineData(-5, false)]
    public void Validate_TargetDuration_IsAtLeastOne(int seconds, bool valid) =>
        AssertValidity(Valid() with { TargetDurationSeconds = seconds }, valid, "TargetDurationSeconds");

    [Theory]
    [InlineData("GPT Image 2", 16, true)]
    [InlineData("GPT Image 2", 17, false)]
    [InlineData("Nano Banana 2", 14, true)]
    [InlineData("Nano Banana 2", 15, false)]
    [InlineData("Nano Banana Pro", 6, true)]
    [InlineData("Nano Banana Pro", 7, false)]
    public void Validate_ReferenceCount_FollowsTheModel(string model, int count, bool valid) =>
        AssertValidity(Valid() with
        {
            Model = model,
            Resolution = "1K",
            ReferenceImageUrls = [.. Enumerable.Range(0, count).Select(i => $"https://refs.example/{i}.png")],
        }, valid, "ReferenceImageUrls");

    [Fact]
    public void Validate_PlainHttpReference_IsRejected() =>
        AssertValidity(Valid() with { ReferenceImageUrls = ["http://refs.example/a.png"] }, false, "ReferenceImageUrls[0]");

    [Theory]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void Validate_BoardId_HasAMaximum(int length, bool valid) =>
        AssertValidity(Valid() with { BoardId = new string('b', length) }, valid, "BoardId");

    [Fact]
    public void Validate_DepictaFields_AreRefusedByName()
    {
        var errors = Errors(Valid() with
        {
            Characters = [new StoryCharacter { Name = "Bob" }],
            Scenes = [new StoryScene { Prompt = "p" }],
            Locations = [],
            ReferenceImages = [],
            Style = "anime",
            Setting = "Paris",
            RawPrompts = true,
            Strictness = "normal",
        });

        Assert.Equal(8, errors.Count);
        Assert.Contains("Characters is a Depicta field; TopView storyboards take Story.", errors);
        Assert.Contains(errors, e => e.StartsWith("Strictness is a Depicta field", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_SeveralViolations_AreReportedTogether()
    {
        var errors = Errors(new GenerateStoryboard { Model = "Nano Banana Pro", Resolution = "512p", AspectRatio = "4:3", GridMode = "auto", GridSize = 9 });

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("Story", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Resolution '512p'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("AspectRatio", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("GridSize", StringComparison.Ordinal));
    }

    private static GenerateStoryboard Valid() => new() { Story = "A fox finds a lantern", Model = "Nano Banana 2", Resolution = "1K" };

    private static List<string> Errors(GenerateStoryboard command) => [.. TopViewStoryboardRules.Validate(command, new ReferenceUrlOptions(), 128)];

    private static void AssertValidity(GenerateStoryboard command, bool valid, string field)
    {
        var errors = Errors(command);
        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => e.Contains(field, StringComparison.Ordinal));
        }
    }
}
