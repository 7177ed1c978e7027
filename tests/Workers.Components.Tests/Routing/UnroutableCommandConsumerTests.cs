using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Workers.Components.Intake;
using Workers.Components.Routing;
using Workers.Contracts;

namespace Workers.Components.Tests.Routing;

/// <summary>In-memory harness tier: what happens to commands no submit queue took.</summary>
public sealed class UnroutableCommandConsumerTests
{
    [Fact]
    public async Task Consume_UnknownProvider_PublishesValidationFailureNamingIt()
    {
        await using var provider = Harness(defaults: new() { ["image"] = "uniall" });
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new GenerateImage { RequestId = "r1", Provider = "nobody", Model = "gpt-image-2", Prompt = "p" });

        var failed = (await harness.Published.SelectAsync<GenerationFailed>().First()).Context.Message;
        Assert.Equal(("r1", GenerationErrorCodes.Validation), (failed.RequestId, failed.Code));
        Assert.Contains("'nobody'", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consume_NoProviderWithADefault_RepublishesToTheDefault()
    {
        await using var provider = Harness(defaults: new() { ["image"] = "uniall" });
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new GenerateImage { RequestId = "r2", Model = "gpt-image-2", Prompt = "p" });

        // On the broker this routes to uniall-image-submit; the harness has no such queue, so only the republish is checked.
        Assert.True(await harness.Published.Any<GenerateImage>(m => m.Context.Message.Provider == "uniall" && m.Context.Message.RequestId == "r2"));
    }

    [Fact]
    public async Task Consume_NoProviderAndNoDefault_PublishesValidationFailure()
    {
        await using var provider = Harness(defaults: []);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        await harness.Bus.Publish(new GenerateVideo { RequestId = "r3", Prompt = "p" });

        var failed = (await harness.Published.SelectAsync<GenerationFailed>().First()).Context.Message;
        Assert.Equal(GenerationErrorCodes.Validation, failed.Code);
        Assert.Contains("Provider is required", failed.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Harness(Dictionary<string, string> defaults) =>
        new ServiceCollection()
            .Configure<FleetOptions>(o => o.DefaultProviders = defaults)
            .AddSingleton<ICommandRejections, PublishingRejections>()
            .AddMassTransitTestHarness(x => x.AddConsumer<UnroutableCommandConsumer>())
            .BuildServiceProvider(true);

    /// <summary>No database here: a rejection is only published.</summary>
    private sealed class PublishingRejections : ICommandRejections
    {
        public Task RejectAsync(ConsumeContext context, CommandRejection rejection) =>
            context.Publish(new GenerationFailed
            {
                RequestId = rejection.RequestId,
                Kind = rejection.Kind,
                Provider = rejection.Provider,
                Code = GenerationErrorCodes.Validation,
                Message = rejection.Message,
            }, context.CancellationToken);
    }
}
