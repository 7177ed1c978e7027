using Workers.Contracts;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet.Rows;

/// <summary>GenerateImage → UniAll through the whole fleet on the real broker, database and simulator.</summary>
public sealed class UniAllImageTests(FleetFixture fleet) : IClassFixture<FleetFixture>
{
    [Fact]
    public async Task GenerateImage_Published_CompletesWithArtifactBytesStoredInPostgres()
    {
        var command = Image("sphere", size: "1536x1024", count: 2, format: "webp");

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        Assert.Equal(2, completed.Artifacts.Count);
        await FleetAssertions.AssertCompletedAndStoredAsync(fleet, completed);
        Assert.All(completed.Artifacts, artifact =>
        {
            Assert.Equal("image/webp", artifact.ContentType);
            Assert.Equal((1536, 1024), (artifact.Width, artifact.Height));
            Assert.Equal(ArtifactRoles.Image, artifact.Role);
        });

        // UniAll reports no cost: estimated from the price table (gpt-image-2 medium 1K) for the two images delivered.
        Assert.Equal(new CreditCost { Amount = 0.080m, Unit = "USD", Source = CostSources.Estimated }, completed.Cost);
        Assert.NotNull(fleet.Events.About(command.RequestId).OfType<GenerationAccepted>().SingleOrDefault());
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Theory]
    [InlineData("gpt-image-2", "1000x1000", null, "Size '1000x1000'")]
    [InlineData("gpt-image-2", "1024x1024", "16:9", "AspectRatio is not supported by gpt-image-2")]
    [InlineData("NanoBanana2-1K", null, "7:3", "AspectRatio '7:3'")]
    [InlineData("gpt-image-3", "1024x1024", null, "not a UniAll image model")]
    public async Task GenerateImage_BreakingASeedRule_FailsWithValidationAndNothingReachesTheProvider(
        string model, string? size, string? aspectRatio, string expected)
    {
        var command = Image("invalid", size: size) with { Model = model, AspectRatio = aspectRatio };

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.Validation);
        Assert.Contains(expected, failed.Message, StringComparison.Ordinal);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task GenerateImage_ProviderTaskFails_FailsWithTheProvidersMessage()
    {
        var command = Image("doomed");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "uniall", PromptContains = Marker(command), Outcome = ScriptOutcome.Failed, Message = "upstream model crashed",
        });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.ProviderFailed);
        Assert.Contains("upstream model crashed", failed.Message, StringComparison.Ordinal);
        Assert.NotNull(failed.ProviderTaskId);
        Assert.Null(failed.Cost);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task GenerateImage_InsufficientCredits_FailsWithThatCodeAndNothingIsCharged()
    {
        var command = Image("broke");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "uniall", PromptContains = Marker(command), Outcome = ScriptOutcome.InsufficientCredits,
        });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        await FleetAssertions.AssertFailedRowAsync(fleet, failed, GenerationErrorCodes.InsufficientCredits);
        Assert.Equal("insufficient_user_quota", failed.ProviderCode);
        Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task GenerateImage_SameCommandPublishedTwice_IsSubmittedOnce()
    {
        var command = Image("twice");

        await fleet.Events.Publish(command);
        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);
        // Give the second delivery time to be handled whichever way it went (dropped, or a repeat of the outcome).
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task GenerateImage_ConnectionDroppedAfterAcceptance_FailsAsUnknownOutcomeWithoutResubmitting()
    {
        var command = Image("dropped");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "uniall", PromptContains = Marker(command), Outcome = ScriptOutcome.AcceptThenDrop,
        });

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        Assert.Equal(GenerationErrorCodes.UnknownOutcome, failed.Code);
        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
    }

    [Fact]
    public async Task GenerateImage_RateLimitedOnce_IsRetriedAfterRetryAfterAndCompletes()
    {
        var command = Image("throttled");
        await fleet.Simulator.AddScriptAsync(new OutcomeScript
        {
            Provider = "uniall", PromptContains = Marker(command), Count = 1, HttpStatus = 429, RetryAfterSeconds = 1,
        });

        await fleet.Events.Publish(command);
        await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        Assert.Equal(1, await FleetAssertions.SubmissionsAsync(fleet, "uniall", command.RequestId));
        Assert.Equal(2, (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!.SubmitAttempts);
    }

    [Theory]
    [InlineData("nobody")]
    [InlineData("topview")]
    public async Task GenerateImage_ProviderNobodyServes_FailsWithValidation(string provider)
    {
        var command = Image("unroutable") with { Provider = provider };

        await fleet.Events.Publish(command);
        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId);

        Assert.Equal(GenerationErrorCodes.Validation, failed.Code);
        Assert.Contains($"'{provider}'", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateImage_WithoutProvider_GoesToTheDefaultProvider()
    {
        var command = Image("default") with { Provider = null };

        await fleet.Events.Publish(command);
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);

        Assert.Equal(ProviderNames.UniAll, completed.Provider);
    }

    internal static GenerateImage Image(string what, string? size = "1024x1024", int? count = null, string? format = null)
    {
        var id = $"{what}-{Guid.NewGuid():N}";
        return new GenerateImage
        {
            RequestId = id,
            Provider = ProviderNames.UniAll,
            Model = "gpt-image-2",
            Prompt = $"a {what} on a desk [{id}]",
            Size = size,
            Count = count,
            OutputFormat = format,
            Tags = new Dictionary<string, string> { ["test"] = what },
        };
    }

    private static string Marker(GenerateImage command) => $"[{command.RequestId}]";
}
