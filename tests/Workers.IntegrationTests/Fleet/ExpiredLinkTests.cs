using Workers.Contracts;
using Workers.IntegrationTests.Fleet.Rows;

namespace Workers.IntegrationTests.Fleet;

/// <summary>A simulator whose result links expire the moment they are handed out (Apikley's download-url links excepted).</summary>
public sealed class ExpiringLinksFleetFixture : FleetFixture
{
    protected override Microsoft.Extensions.Logging.LogLevel FleetLogLevel => Microsoft.Extensions.Logging.LogLevel.Information;

    protected override IEnumerable<string> SimulatorArguments =>
        ["--Simulator:FileUrlLifetime=00:00:00.001", "--Simulator:Apikley:ResultUrlLifetime=00:00:00.001"];
}

/// <summary>An expired result link is refreshed through the provider before the download counts as failed.</summary>
public sealed class ExpiredLinkTests(ExpiringLinksFleetFixture fleet) : IClassFixture<ExpiringLinksFleetFixture>
{
    [Fact]
    public async Task ApikleyResultLinkExpired_IsReissuedThroughDownloadUrlAndTheVideoIsStored()
    {
        var command = ApikleyVideoTests.Sora("expired");

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId, TimeSpan.FromSeconds(90));

        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        Assert.Contains(fleet.Logs.Lines, l => l.Contains(command.RequestId, StringComparison.Ordinal) && l.Contains("fresh link", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LinkStillExpiredAfterARefresh_FailsAsProviderFailedNamingTheExpiredLink()
    {
        var command = FailurePathTests.Image("expired");

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.ProviderFailed);
        Assert.Contains("no longer served (403)", failed.Message, StringComparison.Ordinal);
        Assert.Contains(fleet.Logs.Lines, l => l.Contains(command.RequestId, StringComparison.Ordinal) && l.Contains("fresh link", StringComparison.Ordinal));
    }
}
