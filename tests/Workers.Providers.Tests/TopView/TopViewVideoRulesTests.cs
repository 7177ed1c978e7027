using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.TopView;

namespace Workers.Providers.Tests.TopView;

public sealed class TopViewVideoRulesTests
{
    private const string Frame = "https://refs.example/frame.png";

    [Fact]
    public void Models_AreTheTwentyEightWithUniqueCodes()
    {
        Assert.Equal(28, TopViewVideoModels.All.Count);
        Assert.Equal(28, TopViewVideoModels.All.Select(m => m.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("kling-o3-reference-to-video", TopViewVideoModels.Find("Kling O3 Reference-to-Video")?.Code);
    }

    [Fact]
    public void Validate_EveryModelWithItsOwnInputs_IsAccepted()
    {
        foreach (var model in TopViewVideoModels.All)
        {
            Assert.Empty(Errors(Minimal(model)));
            Assert.Empty(Errors(Minimal(model) with { Model = model.Code }));
        }
    }

    [Theory]
    [InlineData("Seedance 1.5 Pro", "seedance-1.5-pro")]
    [InlineData("SORA 2", "sora-2")]
    [InlineData("minimax-hailuo-2.3-fast", "minimax-hailuo-2.3-fast")]
    public void Find_DisplayNameOrCodeInAnyCase_FindsTheModel(string name, string code) =>
        Assert.Equal(code, TopViewVideoModels.Find(name)?.Code);

    [Theory]
    [InlineData("kling-v3", true)]
    [InlineData("Kling V4", false)]
    [InlineData("Kling O1 Reference-to-Video", false)]
    [InlineData("", false)]
    public void Validate_Model_MustBeATopViewModel(string model, bool valid) =>
        AssertValidity(Valid() with { Model = model }, valid, "Model");

    [Theory]
    [InlineData("Seedance 1.5 Pro", 720, true)]
    [InlineData("Seedance 1.5 Pro", 1080, true)]
    [InlineData("Seedance 1.5 Pro", 480, false)]
    [InlineData("Standard", 480, true)]
    [InlineData("Standard", 1080, false)]
    [InlineData("Veo 3.1", 2160, true)]
    [InlineData("Vidu Q3 Pro", 540, true)]
    [InlineData("MiniMax-Hailuo-02", 768, true)]
    [InlineData("MiniMax-Hailuo-02", 720, false)]
    [InlineData("Sora 2", 720, false)]
    public void Validate_Resolution_FollowsTheModel(string model, int resolution, bool valid) =>
        AssertValidity(Minimal(model) with { Resolution = resolution }, valid, "Resolution");

    [Theory]
    [InlineData("Seedance 1.5 Pro", 4, true)]
    [InlineData("Seedance 1.5 Pro", 12, true)]
    [InlineData("Seedance 1.5 Pro", 3, false)]
    [InlineData("Seedance 1.5 Pro", 13, false)]
    [InlineData("Seedance 1.0 Pro", 10, true)]
    [InlineData("Seedance 1.0 Pro", 11, false)]
    [InlineData("Sora 2", 8, true)]
    [InlineData("Sora 2", 6, false)]
    [InlineData("Veo 3.1 Reference to video", 8, true)]
    [InlineData("Veo 3.1 Reference to video", 6, false)]
    [InlineData("Vidu Q3 Pro", 1, true)]
    [InlineData("Vidu Q3 Pro", 16, true)]
    [InlineData("Vidu Q3 Pro", 17, false)]
    [InlineData("Vidu Q3 Pro", 0, false)]
    public void Validate_Duration_FollowsTheModel(string model, int seconds, bool valid) =>
        AssertValidity(Minimal(model) with { DurationSeconds = seconds }, valid, "DurationSeconds");

    [Theory]
    [InlineData("Sora 2", "9:16", true)]
    [InlineData("Sora 2", "1:1", false)]
    [InlineData("Vidu Q3 Pro", "3:4", true)]
    [InlineData("Topview Plus", "4:3", false)]
    [InlineData("Topview Lite", "4:3", true)]
    [InlineData("Kling V3", "16:9", false)]
    public void Validate_AspectRatio_FollowsTheModel(string model, string ratio, bool valid) =>
        AssertValidity(Minimal(model) with { AspectRatio = ratio }, valid, "AspectRatio");

    [Theory]
    [InlineData("Kling V3", true, true)]
    [InlineData("Sora 2", true, false)]
    [InlineData("Sora 2", false, true)]
    public void Validate_Sound_OnlyWhereTheModelHasIt(string model, bool sound, bool valid) =>
        AssertValidity(Minimal(model) with { Sound = sound }, valid, "Sound");

    [Theory]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(0, false)]
    [InlineData(5, false)]
    public void Validate_Count_IsOneToFour(int count, bool valid) =>
        AssertValidity(Valid() with { Count = count }, valid, "Count");

    [Theory]
    [InlineData(3000, true)]
    [InlineData(3001, false)]
    public void Validate_Prompt_HasTheConfiguredMaximum(int length, bool valid) =>
        AssertValidity(Valid() with { Prompt = new string('p', length) }, valid, "Prompt");

    [Fact]
    public void Validate_FirstFrameModels_NeedAFirstFrame()
    {
        AssertValidity(Valid() with { FirstFrameUrl = null }, false, "FirstFrameUrl is required");
        AssertValidity(Valid() with { EndFrameUrl = "https://refs.example/end.png" }, true, "");
        AssertValidity(Minimal("Sora 2") with { EndFrameUrl = "https://refs.example/end.png" }, false, "EndFrameUrl");
        AssertValidity(Valid() with { ReferenceImageUrls = [Frame, Frame] }, false, "ReferenceImageUrls");
    }

    [Theory]
    [InlineData("Kling V3 Reference Video", 2, true)]
    [InlineData("Kling V3 Reference Video", 1, false)]
    [InlineData("Kling V3 Reference Video", 7, true)]
    [InlineData("Kling V3 Reference Video", 8, false)]
    [InlineData("Veo 3.1 Fast Reference to video", 3, true)]
    [InlineData("Veo 3.1 Fast Reference to video", 4, false)]
    [InlineData("Vidu Q2 Reference to Video", 7, true)]
    public void Validate_MultiReference_TakesTwoToTheModelsMaximum(string model, int count, bool valid) =>
        AssertValidity(Minimal(model) with { ReferenceImageUrls = [.. Enumerable.Range(0, count).Select(i => $"https://refs.example/{i}.png")] },
            valid, "ReferenceImageUrls");

    [Fact]
    public void Validate_MultiReferenceWithFrames_IsRejected() =>
        AssertValidity(Minimal("Kling O3 Reference-to-Video") with { FirstFrameUrl = Frame }, false, "not FirstFrameUrl");

    [Fact]
    public void Validate_Shots_IsRefusedAsAnApikleyField() =>
        Assert.Contains("Shots is an Apikley field; TopView videos take Prompt.", Errors(Valid() with { Shots = [new VideoShot { Prompt = "p" }] }));

    [Fact]
    public void Validate_SeveralViolations_AreReportedTogether()
    {
        var errors = Errors(new GenerateVideo
        {
            Model = "Sora 2",
            Resolution = 1080,
            DurationSeconds = 5,
            AspectRatio = "1:1",
            Sound = true,
            Count = 9,
            FirstFrameUrl = "http://refs.example/a.png",
        });

        Assert.Equal(6, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("FirstFrameUrl 'http://", StringComparison.Ordinal));
    }

    private static GenerateVideo Valid() => new() { Model = "Seedance 1.5 Pro", Prompt = "slow dolly-in", FirstFrameUrl = Frame, Resolution = 720, DurationSeconds = 5 };

    /// <summary>The least a model takes: its images and nothing else.</summary>
    private static GenerateVideo Minimal(TopViewVideoModel model) => model.InputMode == TopViewInputMode.MultiReference
        ? new GenerateVideo { Model = model.DisplayName, ReferenceImageUrls = [Frame, "https://refs.example/2.png"] }
        : new GenerateVideo { Model = model.DisplayName, FirstFrameUrl = Frame };

    private static GenerateVideo Minimal(string model) => Minimal(TopViewVideoModels.Find(model)!);

    private static List<string> Errors(GenerateVideo command) => [.. TopViewVideoRules.Validate(command, new ReferenceUrlOptions(), 3000, 128)];

    private static void AssertValidity(GenerateVideo command, bool valid, string field)
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
