using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Apikley;
using Workers.Providers.Depicta;
using Workers.Providers.Tests.Depicta;
using Workers.Providers.UniAll;

namespace Workers.Providers.Tests.Http;

/// <summary>
/// The providers that fetch references themselves (UniAll, Apikley, Depicta) get only URLs whose names resolve to
/// public addresses: checked in PrepareAsync, before the paid call, naming the field. No provider is called here, so
/// none is needed (the clients are null).
/// </summary>
public sealed class PassThroughReferenceTests
{
    private static readonly string PrivateUrl = $"https://{TestGuards.PrivateName}/a.png";

    [Fact]
    public async Task UniAllPrepareAsync_ReferenceResolvingPrivately_IsRejectedNamingItsIndex()
    {
        var command = new GenerateImage
        {
            RequestId = "r", Model = "gpt-image-2", Prompt = "a cat", Size = "1024x1024",
            ReferenceImageUrls = ["https://example.com/a.png", PrivateUrl],
        };

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => UniAll().PrepareAsync(command, "default", new MemoryPreparedInputs(), CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation), (ex.Kind, ex.Code));
        Assert.Equal($"ReferenceImageUrls[1] '{PrivateUrl}' resolves to a private address (10.20.30.40).", ex.Message);
    }

    [Fact]
    public async Task UniAllPrepareAsync_PublicReferences_Pass()
    {
        var command = new GenerateImage { RequestId = "r", ReferenceImageUrls = ["https://example.com/a.png", "https://file.example.com/b.png"] };

        await UniAll().PrepareAsync(command, "default", new MemoryPreparedInputs(), CancellationToken.None);
    }

    [Fact]
    public async Task ApikleyPrepareAsync_PassedThroughFirstFrameResolvingPrivately_IsRejected()
    {
        var provider = new ApikleyVideoProvider(null!, new FixedOptionsMonitor<ApikleyOptions>(new ApikleyOptions()),
            new FixedOptionsMonitor<ReferenceUrlOptions>(new ReferenceUrlOptions()), TestGuards.Create());

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => provider.PrepareAsync(
            new GenerateVideo { RequestId = "r", FirstFrameUrl = PrivateUrl }, "default", new MemoryPreparedInputs(), CancellationToken.None));

        Assert.Equal($"FirstFrameUrl '{PrivateUrl}' resolves to a private address (10.20.30.40).", ex.Message);
    }

    [Theory]
    [InlineData("character")]
    [InlineData("state")]
    [InlineData("location")]
    [InlineData("image")]
    public async Task DepictaPrepareAsync_AnyReferenceResolvingPrivately_IsRejectedNamingItsField(string where)
    {
        var story = DepictaStories.Valid();
        var (command, field) = where switch
        {
            "character" => (story with { Characters = [story.Characters![0], story.Characters[1] with { ReferenceImageUrl = PrivateUrl }] },
                "Characters[1].ReferenceImageUrl"),
            "state" => (story with
            {
                Characters = [story.Characters![0] with { States = new Dictionary<string, CharacterState> { ["winter"] = new() { ReferenceImageUrl = PrivateUrl } } }, story.Characters[1]],
            }, "Characters[0].States['winter'].ReferenceImageUrl"),
            "location" => (story with { Locations = [story.Locations![0] with { ReferenceImageUrl = PrivateUrl }] }, "Locations[0].ReferenceImageUrl"),
            _ => (story with { ReferenceImages = [new DescribedImage { Url = PrivateUrl, Description = "style" }] }, "ReferenceImages[0].Url"),
        };
        Assert.Empty(DepictaStoryRules.Validate(command, new DepictaOptions()));

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => Depicta().PrepareAsync(command, "default", new MemoryPreparedInputs(), CancellationToken.None));

        Assert.Equal($"{field} '{PrivateUrl}' resolves to a private address (10.20.30.40).", ex.Message);
    }

    [Fact]
    public async Task DepictaPrepareAsync_PublicReferences_Pass() =>
        await Depicta().PrepareAsync(DepictaStories.Valid(), "default", new MemoryPreparedInputs(), CancellationToken.None);

    private static UniAllImageProvider UniAll() => new(null!, new FixedOptionsMonitor<UniAllOptions>(new UniAllOptions()),
        new FixedOptionsMonitor<ReferenceUrlOptions>(new ReferenceUrlOptions()), TestGuards.Create());

    private static DepictaStoryProvider Depicta() => new(null!, new FixedOptionsMonitor<DepictaOptions>(new DepictaOptions()), TestGuards.Create());
}
