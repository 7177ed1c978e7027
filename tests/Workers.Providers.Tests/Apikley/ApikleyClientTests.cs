using System.Text.Json;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Apikley;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Scripts;

namespace Workers.Providers.Tests.Apikley;

/// <summary>The fleet's Apikley client, adapter and task reader against the simulator's Apikley API, in process.</summary>
public sealed class ApikleyClientTests : IAsyncLifetime
{
    private ApikleySimulator sim = null!;

    public async Task InitializeAsync() => sim = await ApikleySimulator.StartAsync();

    public async Task DisposeAsync() => await sim.DisposeAsync();

    [Fact]
    public async Task SubmitAsync_ValidCommand_IsFollowedToSuccessWithOneVideoAndItsCredits()
    {
        var command = ApikleyCommands.Video("ok") with { AspectRatio = "9:16" };
        Assert.Empty(sim.Provider.Validate(command));

        var submission = await sim.Provider.SubmitAsync(command, Context(command), CancellationToken.None);
        var state = await sim.FollowAsync(ApikleySimulator.TaskRef(submission.TaskId));

        Assert.StartsWith("task_sora-2-pro-storyboard_", submission.TaskId, StringComparison.Ordinal);
        Assert.Equal(ProviderTaskPhase.Succeeded, state.Phase);
        Assert.Equal("success", state.ProviderStatus);
        var item = Assert.Single(state.Items);
        Assert.Equal(ArtifactRoles.Video, item.Role);
        using var video = await sim.Http.GetAsync(new Uri(item.Url!));
        Assert.True(video.IsSuccessStatusCode);
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(state.ReportedCost);
        Assert.True(state.ReportedCost.Amount > 0);
        Assert.Equal(("credits", CostSources.Reported), (state.ReportedCost.Unit, state.ReportedCost.Source));
        Assert.Single(await sim.Control.GetSubmissionsAsync("apikley", clientReference: command.RequestId));
    }

    [Fact]
    public async Task SubmitAsync_Command_SendsTheDocumentedWireShape()
    {
        var command = ApikleyCommands.Video("wire") with { DurationSeconds = 25, AspectRatio = "portrait", FirstFrameUrl = "https://example.com/a.png" };
        var callback = new Uri("https://fleet.example/callbacks/apikley/r/t");

        var submission = await sim.Provider.SubmitAsync(command, Context(command) with { CallbackUrl = callback }, CancellationToken.None);
        var record = await sim.Client.GetRecordAsync(submission.TaskId, ApikleySimulator.Key, CancellationToken.None);

        using var param = JsonDocument.Parse(record.Param!);
        var root = param.RootElement;
        Assert.Equal("sora-2-pro-storyboard", root.GetProperty("model").GetString());
        Assert.Equal(callback.AbsoluteUri, root.GetProperty("callBackUrl").GetString());
        var input = root.GetProperty("input");
        Assert.Equal(JsonValueKind.String, input.GetProperty("n_frames").ValueKind);
        Assert.Equal("25", input.GetProperty("n_frames").GetString());
        Assert.Equal("portrait", input.GetProperty("aspect_ratio").GetString());
        Assert.Equal("https://example.com/a.png", input.GetProperty("image_urls")[0].GetString());
        Assert.Equal("A kitten with headphones [wire]", input.GetProperty("shots")[0].GetProperty("Scene").GetString());
        Assert.Equal(7.5m, input.GetProperty("shots")[1].GetProperty("duration").GetDecimal());
    }

    [Fact]
    public async Task CreateTaskAsync_RuleTheProviderChecks_IsRejectedValidationWithTheProvidersMessage()
    {
        // Past the fleet's own rules on purpose: 15 s of shots in a 10 s video.
        var request = ApikleyVideoProvider.ToRequest(ApikleyCommands.Video("bad"), null, null);
        request = request with { Input = request.Input with { NFrames = "10" } };

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            sim.Client.CreateTaskAsync(request, ApikleySimulator.Key, "ref", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "422"), (ex.Kind, ex.Code, ex.ProviderCode));
        Assert.Contains("exceeds n_frames", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_InsufficientCredits_IsRejectedInsufficientCredits()
    {
        await sim.Control.AddScriptAsync(new OutcomeScript { Provider = "apikley", PromptContains = "[broke]", Outcome = ScriptOutcome.InsufficientCredits });
        var command = ApikleyCommands.Video("broke");

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => sim.Provider.SubmitAsync(command, Context(command), CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.InsufficientCredits, "402"), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    [Theory]
    [InlineData(401, ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(404, ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    [InlineData(429, ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited)]
    [InlineData(455, ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(500, ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(501, ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderFailed)]
    [InlineData(505, ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(502, ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    public async Task SubmitAsync_ScriptedStatus_FollowsTheErrorTable(int status, ProviderFailureKind kind, string code)
    {
        await sim.Control.AddScriptAsync(new OutcomeScript { Provider = "apikley", PromptContains = $"[status-{status}]", HttpStatus = status, RetryAfterSeconds = 7 });
        var command = ApikleyCommands.Video($"status-{status}");

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => sim.Provider.SubmitAsync(command, Context(command), CancellationToken.None));

        Assert.Equal((kind, code), (ex.Kind, ex.Code));
        Assert.Equal(status.ToString(System.Globalization.CultureInfo.InvariantCulture), ex.ProviderCode);
        if (kind == ProviderFailureKind.Transient)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        }
    }

    [Fact]
    public async Task SubmitAsync_ConnectionDroppedAfterAcceptance_IsOutcomeUnknown()
    {
        await sim.Control.AddScriptAsync(new OutcomeScript { Provider = "apikley", PromptContains = "[drop]", Outcome = ScriptOutcome.AcceptThenDrop });
        var command = ApikleyCommands.Video("drop");

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => sim.Provider.SubmitAsync(command, Context(command), CancellationToken.None));

        Assert.Equal((ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome), (ex.Kind, ex.Code));
    }

    [Fact]
    public async Task GetTaskAsync_InjectedPollFault_IsNotMistakenForAnAnswer()
    {
        var command = ApikleyCommands.Video("poll-fault");
        var submission = await sim.Provider.SubmitAsync(command, Context(command), CancellationToken.None);
        await sim.Control.SetFaultsAsync(new FaultInjection { Provider = "apikley", ErrorRate = 1, Statuses = [455], Target = FaultTarget.Poll });

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            sim.Reader.GetTaskAsync(ApikleySimulator.TaskRef(submission.TaskId), CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Transient, "455"), (ex.Kind, ex.ProviderCode));
    }

    [Fact]
    public async Task GetTaskAsync_FailedTask_IsFailedWithTheProvidersMessage()
    {
        await sim.Control.AddScriptAsync(new OutcomeScript { Provider = "apikley", PromptContains = "[fail]", Outcome = ScriptOutcome.Failed, Message = "the renderer fell over", DurationMs = 0 });
        var command = ApikleyCommands.Video("fail");
        var submission = await sim.Provider.SubmitAsync(command, Context(command), CancellationToken.None);

        var state = await sim.FollowAsync(ApikleySimulator.TaskRef(submission.TaskId));

        Assert.Equal(ProviderTaskPhase.Failed, state.Phase);
        Assert.Equal(GenerationErrorCodes.ProviderFailed, state.ErrorCode);
        Assert.Equal("the renderer fell over", state.ErrorMessage);
        Assert.Equal("501", state.ProviderCode);
        Assert.Empty(state.Items);
    }

    [Fact]
    public async Task GetTaskAsync_ContentPolicyFailure_IsContentPolicy()
    {
        await sim.Control.AddScriptAsync(new OutcomeScript { Provider = "apikley", PromptContains = "[policy]", Outcome = ScriptOutcome.ContentPolicy, DurationMs = 0 });
        var command = ApikleyCommands.Video("policy");
        var submission = await sim.Provider.SubmitAsync(command, Context(command), CancellationToken.None);

        var state = await sim.FollowAsync(ApikleySimulator.TaskRef(submission.TaskId));

        Assert.Equal((ProviderTaskPhase.Failed, GenerationErrorCodes.ContentPolicy, "400"), (state.Phase, state.ErrorCode, state.ProviderCode));
    }

    [Fact]
    public async Task GetTaskAsync_UnknownTask_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            sim.Reader.GetTaskAsync(ApikleySimulator.TaskRef("task_sora-2-pro-storyboard_1"), CancellationToken.None));

        Assert.Equal((ProviderFailureKind.NotFound, "422"), (ex.Kind, ex.ProviderCode));
        Assert.Contains("recordInfo is null", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefreshResultUrlAsync_FinishedTask_ReturnsAFreshLinkThatWorks()
    {
        var command = ApikleyCommands.Video("refresh");
        var submission = await sim.Provider.SubmitAsync(command, Context(command), CancellationToken.None);
        var task = ApikleySimulator.TaskRef(submission.TaskId);
        var state = await sim.FollowAsync(task);

        var fresh = await sim.Reader.RefreshResultUrlAsync(task, 0, CancellationToken.None);

        Assert.NotNull(fresh);
        Assert.NotEqual(state.Items[0].Url, fresh);
        using var video = await sim.Http.GetAsync(new Uri(fresh));
        Assert.True(video.IsSuccessStatusCode);
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
        Assert.Null(await sim.Reader.RefreshResultUrlAsync(task, 1, CancellationToken.None));
    }

    [Fact]
    public async Task GetDownloadUrlAsync_UrlApikleyDidNotMake_IsRejected()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            sim.Client.GetDownloadUrlAsync("https://example.com/x.mp4", ApikleySimulator.Key, CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, "422"), (ex.Kind, ex.ProviderCode));
    }

    [Fact]
    public void EstimatePricePerResult_ApikleyReportsCosts_IsNull() =>
        Assert.Null(sim.Provider.EstimatePricePerResult(ApikleyCommands.Video("price")));

    private static SubmitContext Context(GenerateVideo command) =>
        new() { Account = "default", RequestId = command.RequestId, Prepared = new MemoryPreparedInputs() };
}
