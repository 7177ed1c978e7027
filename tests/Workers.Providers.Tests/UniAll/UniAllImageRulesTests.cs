using Workers.Providers.Abstractions;
using Workers.Contracts;
using Workers.Providers.UniAll;

namespace Workers.Providers.Tests.UniAll;

public sealed class UniAllImageRulesTests
{
    [Theory]
    [InlineData(1, true)]
    [InlineData(8, true)]
    [InlineData(0, false)]
    [InlineData(9, false)]
    public void Validate_GptImage2Count_AcceptsOneToEight(int count, bool valid) =>
        AssertValidity(Gpt() with { Count = count }, valid, "Count");

    [Fact]
    public void Validate_EveryWhitelistedGptImage2Size_IsAccepted()
    {
        Assert.Equal(48, UniAllModels.GptImage2Sizes.Count);
        foreach (var size in UniAllModels.GptImage2Sizes.Keys)
        {
            Assert.Empty(UniAllImageRules.Validate(Gpt() with { Size = size }, new ReferenceUrlOptions()));
        }
    }

    [Theory]
    [InlineData("1024x1025")]
    [InlineData("1024X1024")]
    [InlineData("4096x4096")]
    [InlineData("")]
    public void Validate_GptImage2SizeOffTheList_IsRejected(string size) =>
        AssertValidity(Gpt() with { Size = size }, false, "Size");

    [Fact]
    public void Validate_GptImage2WithoutSize_IsRejected() => AssertValidity(Gpt() with { Size = null }, false, "Size is required");

    [Theory]
    [InlineData("NanoBanana2-1K", "16:9", true)]
    [InlineData("NanoBananaPro-8K", "21:9", true)]
    [InlineData("NanoBanana", "2:1", false)]
    [InlineData("gpt-image-2", "1:1", false)]
    public void Validate_AspectRatio_OnlyForNanoBananaAndInItsList(string model, string ratio, bool valid) =>
        AssertValidity(Gpt() with { Model = model, Size = model == "gpt-image-2" ? "1024x1024" : null, AspectRatio = ratio }, valid, "AspectRatio");

    [Theory]
    [InlineData("gpt-image-2", "webp", true)]
    [InlineData("NanoBanana", "webp", true)]
    [InlineData("NanoBanana2-0.5K", "webp", false)]
    [InlineData("NanoBananaPro-1K", "webp", false)]
    [InlineData("NanoBananaPro-1K", "jpeg", true)]
    [InlineData("gpt-image-2", "jpg", false)]
    public void Validate_OutputFormat_FollowsTheModel(string model, string format, bool valid) =>
        AssertValidity(Gpt() with { Model = model, Size = model == "gpt-image-2" ? "1024x1024" : null, OutputFormat = format }, valid, "OutputFormat");

    [Theory]
    [InlineData("NanoBanana2-2K")]
    [InlineData("NanoBananaPro-4K")]
    public void Validate_NanoBananaWithCountOrQuality_IsRejected(string model)
    {
        AssertValidity(new GenerateImage { Model = model, Prompt = "p", Count = 2 }, false, "Count");
        AssertValidity(new GenerateImage { Model = model, Prompt = "p", Quality = "high" }, false, "Quality");
        AssertValidity(new GenerateImage { Model = model, Prompt = "p", Count = 1 }, true, "");
    }

    [Theory]
    [InlineData("nanobanana")]
    [InlineData("NanoBanana2-3K")]
    [InlineData("gpt-image-1")]
    [InlineData("")]
    public void Validate_UnknownModel_IsRejected(string model) =>
        AssertValidity(Gpt() with { Model = model }, false, "Model");

    [Theory]
    [InlineData(null, false)]
    [InlineData("  ", false)]
    [InlineData("a cat", true)]
    public void Validate_Prompt_IsRequired(string? prompt, bool valid) =>
        AssertValidity(Gpt() with { Prompt = prompt }, valid, "Prompt");

    [Theory]
    [InlineData(32_000, true)]
    [InlineData(32_001, false)]
    public void Validate_Prompt_HasTheStatedDefaultMaximum(int length, bool valid)
    {
        Assert.Equal(UniAllImageRules.DefaultMaxPromptLength, new UniAllOptions().MaxPromptLength);
        AssertValidity(Gpt() with { Prompt = new string('a', length) }, valid, "Prompt has 32001 characters; at most 32000");
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Validate_Prompt_FollowsTheConfiguredMaximum(int length, bool valid)
    {
        var errors = UniAllImageRules.Validate(Gpt() with { Prompt = new string('a', length) }, new ReferenceUrlOptions(), maxPromptLength: 10);
        Assert.Equal(valid, !errors.Any(e => e.StartsWith("Prompt has", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("https://example.com/a.png", null, true)]
    [InlineData("http://127.0.0.1:5080/a.png", null, false)]
    [InlineData("http://127.0.0.1:5080/a.png", "127.0.0.1:5080", true)]
    [InlineData("http://127.0.0.1:5081/a.png", "127.0.0.1:5080", false)]
    [InlineData("http://10.0.0.1/a.png", "127.0.0.1", false)]
    [InlineData("https://user:secret@example.com/a.png", null, false)]
    [InlineData("not a url", "127.0.0.1", false)]
    public void Validate_ReferenceImages_MustBeHttpsOrAnAllowListedHttpHost(string url, string? allowedHttpHost, bool valid)
    {
        var options = new ReferenceUrlOptions { AllowedHosts = allowedHttpHost is null ? [] : [allowedHttpHost] };
        var errors = UniAllImageRules.Validate(Gpt() with { ReferenceImageUrls = [url] }, options);
        Assert.Equal(valid, errors.Count == 0);
    }

    private static GenerateImage Gpt() => new() { Model = "gpt-image-2", Prompt = "a cat", Size = "1024x1024" };

    private static void AssertValidity(GenerateImage command, bool valid, string mentioned)
    {
        var errors = UniAllImageRules.Validate(command, new ReferenceUrlOptions());
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
