using Workers.Contracts;

namespace Workers.IntegrationTests.Fleet;

/// <summary>A producer that knows nothing of MassTransit: plain JSON through the management API, as curl would send it.</summary>
public sealed class RawJsonPublishTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task PlainJsonGenerateImage_PublishedLikeCurl_IsRoutedAndCompletes()
    {
        var requestId = $"raw-{Guid.NewGuid():N}";
        var json = $$"""
            {"requestId":"{{requestId}}","provider":"uniall","model":"gpt-image-2","prompt":"a red cube","size":"1024x1024"}
            """;

        var routed = await fleet.Broker.Management.PublishJsonAsync(fleet.Broker.Name, "generate-image", "uniall", json, CancellationToken.None);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(requestId);

        Assert.True(routed);
        Assert.Equal(ProviderNames.UniAll, completed.Provider);
        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
    }

    [Theory]
    [InlineData("generate-image")]
    [InlineData("generate-video")]
    [InlineData("generate-storyboard")]
    public async Task CommandExchange_BeforeAnyMessage_ExistsWithTheUnroutableQueueAsAlternate(string exchange)
    {
        var declared = await fleet.Broker.Management.GetExchangeAsync(fleet.Broker.Name, exchange, CancellationToken.None);

        Assert.Equal("direct", declared.GetProperty("type").GetString());
        Assert.Equal("generation-unroutable", declared.GetProperty("arguments").GetProperty("alternate-exchange").GetString());
    }

    [Fact]
    public async Task PlainJsonForAProviderNobodyServes_FailsWithValidationInsteadOfVanishing()
    {
        var requestId = $"raw-nobody-{Guid.NewGuid():N}";
        var json = $$"""{"requestId":"{{requestId}}","provider":"nobody","prompt":"x"}""";

        await fleet.Broker.Management.PublishJsonAsync(fleet.Broker.Name, "generate-video", "nobody", json, CancellationToken.None);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(requestId);
        // Plain JSON names no type: the unroutable queue offers it to each command consumer, and only the video one may answer.
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal((GenerationErrorCodes.Validation, GenerationKinds.Video), (failed.Code, failed.Kind));
        Assert.Contains("'nobody'", failed.Message, StringComparison.Ordinal);
        Assert.Single(fleet.Events.About(requestId));
    }
}
