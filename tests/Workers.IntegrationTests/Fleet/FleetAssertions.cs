using System.Security.Cryptography;
using Workers.Contracts;
using Workers.Persistence.Generations;

namespace Workers.IntegrationTests.Fleet;

/// <summary>What every row of the matrix checks after a generation ended.</summary>
public static class FleetAssertions
{
    /// <summary>
    /// Each artifact's stored bytes hash to its SHA-256, and to the bytes the simulator serves at the artifact's source
    /// URL; the row says completed with the same artifacts and cost as the event.
    /// </summary>
    public static async Task AssertCompletedAndStoredAsync(FleetFixture fleet, GenerationCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(completed);
        Assert.NotEmpty(completed.Artifacts);
        foreach (var artifact in completed.Artifacts)
        {
            var served = await fleet.SimulatorHttp.GetByteArrayAsync(artifact.SourceUrl);
            await using var stored = await fleet.Artifacts.OpenReadAsync(artifact.Sha256, CancellationToken.None);
            Assert.NotNull(stored);
            using var copy = new MemoryStream();
            await stored.CopyToAsync(copy);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(served)), artifact.Sha256);
            Assert.Equal(artifact.Sha256, Convert.ToHexStringLower(SHA256.HashData(copy.ToArray())));
            Assert.Equal(served.Length, artifact.SizeBytes);
        }

        var row = await fleet.Generations.FindAsync(completed.RequestId, CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal(GenerationStatus.Completed, row.Status);
        Assert.Equal(completed.ProviderTaskId, row.ProviderTaskId);
        Assert.Equal(completed.Cost, row.Credits);
        Assert.Equal(completed.Artifacts.Select(a => a.Sha256), row.Artifacts.Select(a => a.Sha256));
    }

    /// <summary>The row ended failed with <paramref name="code"/>, as the event says.</summary>
    public static async Task AssertFailedRowAsync(FleetFixture fleet, GenerationFailed failed, string code)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        ArgumentNullException.ThrowIfNull(failed);
        Assert.Equal(code, failed.Code);
        var row = await fleet.Generations.FindAsync(failed.RequestId, CancellationToken.None);
        Assert.NotNull(row);
        Assert.Equal((GenerationStatus.Failed, code), (row.Status, row.ErrorCode));
    }

    /// <summary>How many paid submissions the simulator accepted for one request (the fleet tags them with its request id).</summary>
    public static async Task<int> SubmissionsAsync(FleetFixture fleet, string provider, string requestId)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        return (await fleet.Simulator.GetSubmissionsAsync(provider, clientReference: requestId)).Count;
    }
}
