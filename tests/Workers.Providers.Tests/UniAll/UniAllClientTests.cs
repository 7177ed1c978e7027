using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Refit;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.UniAll;
using Workers.ProviderSimulator;
using Workers.ProviderSimulator.Control;
using Workers.ProviderSimulator.Scripts;

namespace Workers.Providers.Tests.UniAll;

/// <summary>The fleet's UniAll client against the simulator's UniAll API, in process.</summary>
public sealed class UniAllClientTests : IAsyncLifetime
{
    private WebApplication simulator = null!;
    private UniAllClient client = null!;
    private SimulatorControlClient control = null!;

    public async Task InitializeAsync()
    {
        simulator = SimulatorApp.Create(["--Simulator:SpeedFactor=1000"], b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await simulator.StartAsync();
        var http = simulator.GetTestClient();
        client = new UniAllClient(RestService.ForGenerated<IUniAllApi>(http, RefitSettings.ForJsonContext(UniAllJsonContext.Default)));
        control = new SimulatorControlClient(simulator.GetTestClient());
    }

    public async Task DisposeAsync() => await simulator.DisposeAsync();

    [Fact]
    public async Task SubmitAsync_ValidRequest_ReturnsAQueuedTaskThatCanBeFollowedToSuccess()
    {
        var task = await client.SubmitAsync(Request("ok"), "sk-test", "ref", CancellationToken.None);

        Assert.StartsWith("task_", task.TaskId, StringComparison.Ordinal);
        ProviderTaskState state;
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        do
        {
            state = UniAllStatus.ToState(await client.GetTaskAsync(task.TaskId!, "sk-test", deadline.Token));
        }
        while (state.Phase is ProviderTaskPhase.Queued or ProviderTaskPhase.Running);

        Assert.Equal(ProviderTaskPhase.Succeeded, state.Phase);
        Assert.Equal(2, state.Items.Count);
        Assert.All(state.Items, item => Assert.True(item.Succeeded && item.Url is not null));
        Assert.Equal(100, state.Percent);
    }

    [Fact]
    public async Task SubmitAsync_RequestTheProviderRefuses_ThrowsRejectedValidationWithTheProvidersCode()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            client.SubmitAsync(Request("bad") with { Size = "1024x1025" }, "sk-test", "ref", CancellationToken.None));

        Assert.Equal(ProviderFailureKind.Rejected, ex.Kind);
        Assert.Equal(GenerationErrorCodes.Validation, ex.Code);
        Assert.Equal("invalid_value", ex.ProviderCode);
    }

    [Theory]
    [InlineData(402, ProviderFailureKind.Rejected, GenerationErrorCodes.InsufficientCredits)]
    [InlineData(429, ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited)]
    [InlineData(503, ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(500, ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    public async Task SubmitAsync_ProviderStatus_SaysWhetherTheTaskMayHaveBeenAccepted(int status, ProviderFailureKind kind, string code)
    {
        await control.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = $"status-{status}", HttpStatus = status, RetryAfterSeconds = 7 });

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            client.SubmitAsync(Request($"status-{status}"), "sk-test", "ref", CancellationToken.None));

        Assert.Equal((kind, code), (ex.Kind, ex.Code));
        if (status == 429)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        }
    }

    [Fact]
    public async Task SubmitAsync_WrongKey_IsRejectedAndNotRetried()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            client.SubmitAsync(Request("key"), "not-a-key", "ref", CancellationToken.None));

        Assert.Equal(ProviderFailureKind.Rejected, ex.Kind);
        Assert.Equal(GenerationErrorCodes.ProviderUnavailable, ex.Code);
        Assert.Contains("401", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTaskAsync_UnknownTask_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            client.GetTaskAsync("task_missing", "sk-test", CancellationToken.None));

        Assert.Equal(ProviderFailureKind.NotFound, ex.Kind);
        Assert.Equal("task_not_exist", ex.ProviderCode);
    }

    [Fact]
    public async Task GetTaskAsync_FailedTask_MapsToFailedWithTheProvidersMessage()
    {
        await control.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = "policy", Outcome = ScriptOutcome.ContentPolicy, Message = "blocked by content policy", DurationMs = 0 });
        var task = await client.SubmitAsync(Request("policy"), "sk-test", "ref", CancellationToken.None);

        var state = UniAllStatus.ToState(await client.GetTaskAsync(task.TaskId!, "sk-test", CancellationToken.None));

        Assert.Equal(ProviderTaskPhase.Failed, state.Phase);
        Assert.Equal(GenerationErrorCodes.ContentPolicy, state.ErrorCode);
        Assert.Contains("content policy", state.ErrorMessage, StringComparison.Ordinal);
    }

    private static UniAllSubmitRequest Request(string marker) =>
        UniAllImageProvider.ToRequest(new GenerateImage { Model = "gpt-image-2", Prompt = $"a cat [{marker}]", Size = "1024x1024", Count = 2 });
}
