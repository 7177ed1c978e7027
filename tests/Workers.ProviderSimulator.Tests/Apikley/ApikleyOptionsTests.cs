using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Tests.Apikley;

/// <summary>Impossible Apikley settings stop the start, naming the setting.</summary>
public sealed class ApikleyOptionsTests
{
    [Theory]
    [InlineData("--Simulator:Apikley:WaitingFraction=0.95", "WaitingFraction")]
    [InlineData("--Simulator:Apikley:Durations:25:MaxSeconds=1", "Durations:25")]
    [InlineData("--Simulator:Apikley:Prices:10=-1", "Prices:10")]
    [InlineData("--Simulator:Apikley:CreateTaskWindow=00:00:00", "CreateTaskWindow")]
    [InlineData("--Simulator:Apikley:MaxRunningTasks=-1", "MaxRunningTasks")]
    [InlineData("--Simulator:Apikley:UploadStoreMegabytes=10", "UploadStoreMegabytes")]
    [InlineData("--Simulator:Apikley:ResultUrlLifetime=00:00:00", "ResultUrlLifetime")]
    public async Task Start_WithImpossibleApikleySettings_Fails(string setting, string named)
    {
        await using var app = SimulatorApp.Create(["--urls", "http://127.0.0.1:0", setting]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
