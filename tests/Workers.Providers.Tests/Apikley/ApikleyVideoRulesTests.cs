using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Apikley;

namespace Workers.Providers.Tests.Apikley;

public sealed class ApikleyVideoRulesTests
{
    private const int MaxScene = 5000;

    [Fact]
    public void Validate_TheDocumentedExample_IsAccepted() => Assert.Empty(Errors(Valid()));

    [Theory]
    [InlineData(null, true)]
    [InlineData("sora-2-pro-storyboard", true)]
    [InlineData("sora-2-pro", false)]
    [InlineData("Sora-2-Pro-Storyboard", false)]
    [InlineData("", false)]
    public void Validate_Model_IsOptionalAndOnlySora2ProStoryboard(string? model, bool valid) =>
        AssertValidity(Valid() with { Model = model }, valid, "Model");

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Validate_ShotCount_IsOneToTen(int count, bool valid) =>
        AssertValidity(Valid() with { DurationSeconds = 25, Shots = Shots(count, 1m) }, valid, "Shots");

    [Fact]
    public void Validate_NoShots_IsRefused() => AssertValidity(Valid() with { Shots = null }, false, "Shots is required");

    [Theory]
    [InlineData("0.1", true)]
    [InlineData("15", true)]
    [InlineData("0.09", false)]
    [InlineData("15.01", false)]
    [InlineData("0", false)]
    [InlineData("-1", false)]
    public void Validate_ShotDuration_IsPointOneToFifteenSeconds(string seconds, bool valid) =>
        AssertValidity(Valid() with { DurationSeconds = 25, Shots = [Shot("a", decimal.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture))] },
            valid, "Shots[0].DurationSeconds");

    [Fact]
    public void Validate_ShotWithoutDuration_IsRefused() =>
        AssertValidity(Valid() with { Shots = [new VideoShot { Prompt = "a" }] }, false, "Shots[0].DurationSeconds is required");

    [Theory]
    [InlineData(10, "10", true)]
    [InlineData(10, "10.01", false)]
    [InlineData(15, "15", true)]
    [InlineData(15, "15.5", false)]
    [InlineData(25, "25", true)]
    [InlineData(25, "25.1", false)]
    public void Validate_TotalOfShots_IsAtMostTheVideosLength(int length, string total, bool valid)
    {
        var sum = decimal.Parse(total, System.Globalization.CultureInfo.InvariantCulture);
        var shots = new[] { Shot("a", Math.Min(15m, sum / 2)), Shot("b", sum - Math.Min(15m, sum / 2)) };
        AssertValidity(Valid() with { DurationSeconds = length, Shots = shots }, valid, "add up to");
    }

    [Fact]
    public void Validate_NoLength_DefaultsToFifteenSeconds()
    {
        AssertValidity(Valid() with { DurationSeconds = null, Shots = [Shot("a", 7.5m), Shot("b", 7.5m)] }, true, "");
        AssertValidity(Valid() with { DurationSeconds = null, Shots = [Shot("a", 8m), Shot("b", 7.5m)] }, false, "DurationSeconds 15");
        Assert.Equal("15", ApikleyVideoProvider.ToRequest(Valid() with { DurationSeconds = null }, null, null).Input.NFrames);
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(15, true)]
    [InlineData(25, true)]
    [InlineData(5, false)]
    [InlineData(20, false)]
    [InlineData(30, false)]
    public void Validate_Length_IsTenFifteenOrTwentyFive(int seconds, bool valid) =>
        AssertValidity(Valid() with { DurationSeconds = seconds, Shots = [Shot("a", 5m)] }, valid, "DurationSeconds");

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("   ", false)]
    [InlineData("a", true)]
    public void Validate_ShotPrompt_IsRequired(string? prompt, bool valid) =>
        AssertValidity(Valid() with { Shots = [new VideoShot { Prompt = prompt, DurationSeconds = 5m }] }, valid, "Shots[0].Prompt");

    [Theory]
    [InlineData(MaxScene, true)]
    [InlineData(MaxScene + 1, false)]
    [InlineData(2_000_000, false)]
    public void Validate_ShotPrompt_IsAtMostMaxSceneLength(int length, bool valid) =>
        AssertValidity(Valid() with { Shots = [Shot(new string('x', length), 5m)] }, valid, "MaxSceneLength");

    [Theory]
    [InlineData(null, "landscape")]
    [InlineData("16:9", "landscape")]
    [InlineData("landscape", "landscape")]
    [InlineData("9:16", "portrait")]
    [InlineData("Portrait", "portrait")]
    public void ToRequest_AspectRatio_MapsToTheProvidersWord(string? ratio, string expected)
    {
        Assert.Empty(Errors(Valid() with { AspectRatio = ratio }));
        Assert.Equal(expected, ApikleyVideoProvider.ToRequest(Valid() with { AspectRatio = ratio }, null, null).Input.AspectRatio);
    }

    [Theory]
    [InlineData("1:1")]
    [InlineData("4:3")]
    [InlineData("square")]
    [InlineData("")]
    public void Validate_OtherAspectRatio_IsRefused(string ratio) =>
        AssertValidity(Valid() with { AspectRatio = ratio }, false, "AspectRatio");

    [Theory]
    [InlineData("https://example.com/a.png", null, true)]
    [InlineData("http://127.0.0.1:5080/a.png", null, false)]
    [InlineData("http://127.0.0.1:5080/a.png", "127.0.0.1:5080", true)]
    [InlineData("ftp://example.com/a.png", null, false)]
    [InlineData("", null, false)]
    public void Validate_FirstFrameUrl_IsHttpsOrAnAllowListedHttpHost(string url, string? allowedHost, bool valid)
    {
        var urls = new ReferenceUrlOptions { AllowedHosts = allowedHost is null ? [] : [allowedHost] };
        var errors = ApikleyVideoRules.Validate(Valid() with { FirstFrameUrl = url }, MaxScene, urls);
        Assert.Equal(valid, errors.Count == 0);
    }

    public static TheoryData<GenerateVideo, string> ForeignFields => new()
    {
        { Valid() with { Prompt = "a cat" }, "Prompt is a TopView field" },
        { Valid() with { EndFrameUrl = "https://example.com/end.png" }, "EndFrameUrl" },
        { Valid() with { ReferenceImageUrls = ["https://example.com/1.png", "https://example.com/2.png"] }, "ReferenceImageUrls" },
        { Valid() with { Resolution = 720 }, "Resolution" },
        { Valid() with { Sound = true }, "Sound" },
        { Valid() with { Sound = false }, "Sound" },
        { Valid() with { Count = 2 }, "Count 2" },
        { Valid() with { Count = 0 }, "Count 0" },
        { Valid() with { BoardId = "board-1" }, "BoardId" },
    };

    [Theory]
    [MemberData(nameof(ForeignFields))]
    public void Validate_FieldApikleyDoesNotUse_IsRefused(GenerateVideo command, string mentioned) =>
        AssertValidity(command, false, mentioned);

    [Fact]
    public void Validate_CountOne_IsAccepted() => AssertValidity(Valid() with { Count = 1 }, true, "");

    [Fact]
    public void Validate_SeveralViolations_AreReportedTogether()
    {
        var command = new GenerateVideo
        {
            Model = "sora-2",
            Prompt = "p",
            DurationSeconds = 20,
            AspectRatio = "1:1",
            FirstFrameUrl = "http://example.com/a.png",
            Shots = [new VideoShot { Prompt = "", DurationSeconds = 16m }, Shot("b", 0m)],
        };

        var errors = Errors(command);

        foreach (var mentioned in new[] { "Model", "Prompt is a TopView field", "DurationSeconds 20", "AspectRatio", "FirstFrameUrl",
                     "Shots[0].Prompt", "Shots[0].DurationSeconds", "Shots[1].DurationSeconds" })
        {
            Assert.Contains(errors, e => e.Contains(mentioned, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Validate_UnknownAccount_IsRefusedByTheAdapter()
    {
        var provider = new ApikleyVideoProvider(null!, new FixedOptionsMonitor<ApikleyOptions>(new ApikleyOptions()),
            new FixedOptionsMonitor<ReferenceUrlOptions>(new ReferenceUrlOptions()), TestGuards.Create());

        Assert.Contains("Account 'x' is not configured for apikley.", provider.Validate(Valid() with { Account = "x" }));
        Assert.Empty(provider.Validate(Valid() with { Account = "default" }));
    }

    [Theory]
    [InlineData("req-1", "https://example.com/frames/A.PNG?x=1", "req-1.png")]
    [InlineData("req-1", "https://example.com/frames/noext", "req-1")]
    [InlineData("req-1", "https://example.com/frames/a.toolongext", "req-1")]
    public void UploadFileName_IsTheRequestIdWithTheImagesExtension(string requestId, string url, string expected) =>
        Assert.Equal(expected, ApikleyVideoProvider.UploadFileName(requestId, url));

    [Fact]
    public void UploadFileName_RequestIdThatIsNoFileName_IsHashed()
    {
        var name = ApikleyVideoProvider.UploadFileName("orders/42 ../x", "https://example.com/a.jpg");

        Assert.Matches("^[0-9a-f]{32}\\.jpg$", name);
        Assert.Equal(name, ApikleyVideoProvider.UploadFileName("orders/42 ../x", "https://example.com/a.jpg"));
    }

    private static GenerateVideo Valid() => new()
    {
        RequestId = "r",
        DurationSeconds = 15,
        AspectRatio = "landscape",
        FirstFrameUrl = "https://file.example.com/kitten.png",
        Shots = [Shot("A kitten with headphones", 7.5m), Shot("The kitten licks its lips", 7.5m)],
    };

    private static VideoShot Shot(string prompt, decimal seconds) => new() { Prompt = prompt, DurationSeconds = seconds };

    private static VideoShot[] Shots(int count, decimal seconds) => [.. Enumerable.Range(0, count).Select(i => Shot($"scene {i}", seconds))];

    private static IReadOnlyList<string> Errors(GenerateVideo command) => ApikleyVideoRules.Validate(command, MaxScene, new ReferenceUrlOptions());

    private static void AssertValidity(GenerateVideo command, bool valid, string mentioned)
    {
        var errors = Errors(command);
        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => e.Contains(mentioned, StringComparison.Ordinal));
        }
    }
}
