using Workers.Contracts;
using Workers.IntegrationTests.Fleet.Rows;

namespace Workers.IntegrationTests.Fleet;

/// <summary>A fleet whose artifact store takes at most 1 KB: results bigger than that end as failed items, never stuck.</summary>
public sealed class ArtifactLimitTests(ArtifactLimitTests.SmallStoreFleet fleet) : IClassFixture<ArtifactLimitTests.SmallStoreFleet>
{
    [Fact]
    public async Task GenerateImage_EveryResultOverTheStoresCap_FailsAsProviderFailedSayingWhy()
    {
        var command = UniAllImageTests.Image("oversized", count: 2);

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.ProviderFailed);
        Assert.Contains("item 0: Result 0 at ", failed.Message, StringComparison.Ordinal);
        Assert.Contains("item 1: Result 1 at ", failed.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1024 bytes are accepted", failed.Message, StringComparison.Ordinal);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    /// <summary>The fleet with <c>Postgres:MaxArtifactBytes</c> = 1024.</summary>
    public sealed class SmallStoreFleet : FleetFixture
    {
        protected override IReadOnlyDictionary<string, string?> FleetSettings(Uri simulatorAddress) =>
            new Dictionary<string, string?> { ["Postgres:MaxArtifactBytes"] = "1024" };
    }
}
