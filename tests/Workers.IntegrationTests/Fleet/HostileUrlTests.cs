using Workers.Contracts;
using Workers.IntegrationTests.Fleet.Rows;

namespace Workers.IntegrationTests.Fleet;

/// <summary>
/// Reference URLs that lead into private space, on the whole fleet: for every row that takes references, each one ends
/// as GenerationFailed(validation) naming the field, and nothing is submitted (so nothing is paid).
/// </summary>
public sealed class HostileUrlTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    /// <summary>The rows that take reference URLs, and the field each hostile URL goes in.</summary>
    private static readonly string[] RowNames = ["uniall-image", "topview-storyboard", "topview-video", "apikley-video", "depicta-story"];

    private static readonly string[] Hostile =
    [
        "https://127.0.0.1/a.png",
        "https://10.0.0.1/a.png",
        "https://[::1]/a.png",
        "https://localhost/a.png",
        "https://0x7f000001/a.png",
        "https://192.168.1.1/a.png",
        "https://metadata.google.internal/computeMetadata/v1/instance/service-accounts/default/token",
        "file:///etc/passwd",
        "https://[::ffff:7f00:1]/a.png",
        "https://%6c%6f%63%61%6c%68%6f%73%74/a.png",
    ];

    public static TheoryData<string, string> RowsAndHostileUrls()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in RowNames)
        {
            foreach (var url in Hostile)
            {
                data.Add(row, url);
            }
        }

        return data;
    }

    public static TheoryData<string> AllRows() => [.. RowNames];

    [Theory]
    [MemberData(nameof(RowsAndHostileUrls))]
    public async Task Generate_HostileReferenceUrl_FailsWithValidationAndNothingIsSubmitted(string row, string url)
    {
        var (command, provider, field) = Command(row, url);

        await PublishAsync(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.Validation);
        Assert.Contains($"{field} '{url}'", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, provider, command.RequestId));
    }

    [Theory]
    [MemberData(nameof(AllRows))]
    public async Task Generate_ReferenceWhoseNameResolvesPrivately_FailsWithValidationAndNothingIsSubmitted(string row)
    {
        var url = $"https://{FleetFixture.PrivateName}/a.png";
        var (command, provider, field) = Command(row, url);

        await PublishAsync(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.Validation);
        Assert.Contains($"{field} '{url}' resolves to a private address (10.20.30.40).", failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, provider, command.RequestId));
    }

    private Task PublishAsync(IGenerationCommand command) => command switch
    {
        GenerateImage image => fleet.Events.Publish(image),
        GenerateVideo video => fleet.Events.Publish(video),
        GenerateStoryboard storyboard => fleet.Events.Publish(storyboard),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "not a command"),
    };

    private (IGenerationCommand Command, string Provider, string Field) Command(string row, string url) => row switch
    {
        "uniall-image" => (UniAllImageTests.Image("hostile") with { ReferenceImageUrls = [url] }, ProviderNames.UniAll, "ReferenceImageUrls[0]"),
        "topview-storyboard" => (TopViewStoryboardTests.Storyboard("hostile") with { ReferenceImageUrls = [url] }, ProviderNames.TopView,
            "ReferenceImageUrls[0]"),
        "topview-video" => (TopViewVideoTests.Video("hostile", fleet) with { FirstFrameUrl = url }, ProviderNames.TopView, "FirstFrameUrl"),
        "apikley-video" => (ApikleyVideoTests.Sora("hostile") with { FirstFrameUrl = url }, ProviderNames.Apikley, "FirstFrameUrl"),
        "depicta-story" => Depicta(url),
        _ => throw new ArgumentOutOfRangeException(nameof(row), row, "not a row"),
    };

    private static (IGenerationCommand, string, string) Depicta(string url)
    {
        var story = DepictaStoryTests.Story("hostile");
        return (story with { Characters = [story.Characters![0] with { ReferenceImageUrl = url }, story.Characters[1]] }, ProviderNames.Depicta,
            "Characters[0].ReferenceImageUrl");
    }
}
