using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.TopView;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Scripts;

namespace Workers.Providers.Tests.TopView;

/// <summary>The fleet's TopView client and adapters against the simulator's TopView API, in process.</summary>
public sealed class TopViewClientTests : IAsyncLifetime
{
    private TopViewHarness topView = null!;

    public async Task InitializeAsync() => topView = await TopViewHarness.StartAsync();

    public async Task DisposeAsync() => await topView.DisposeAsync();

    [Fact]
    public async Task SubmitAsync_Storyboard_IsFollowedToOneGridImageWithItsCost()
    {
        var command = TopViewHarness.Storyboard("ok");
        Assert.Empty(topView.Storyboards.Validate(command));

        var submission = await topView.Storyboards.SubmitAsync(command, TopViewHarness.Context(new MemoryPreparedInputs()), CancellationToken.None);
        var state = await topView.FollowAsync(TopViewHarness.TaskOf(GenerationKinds.Storyboard, command.Model!, submission));

        Assert.Equal(ProviderTaskPhase.Succeeded, state.Phase);
        var grid = Assert.Single(state.Items);
        Assert.Equal(ArtifactRoles.Grid, grid.Role);
        Assert.True(grid.Succeeded);
        Assert.StartsWith("http", grid.Url, StringComparison.Ordinal);
        Assert.Equal(new CreditCost { Amount = 0.5m, Unit = "credits", Source = CostSources.Reported }, state.ReportedCost);
    }

    [Fact]
    public async Task SubmitAsync_Storyboard_SendsTheRequestIdAsClientReference()
    {
        var command = TopViewHarness.Storyboard("reference");

        var submission = await topView.Storyboards.SubmitAsync(command, TopViewHarness.Context(new MemoryPreparedInputs(), "req-42"), CancellationToken.None);

        var recorded = Assert.Single(await topView.Control.GetSubmissionsAsync("topview", clientReference: "req-42"));
        Assert.Equal(submission.TaskId, recorded.TaskId);
        Assert.Equal(TopViewHarness.Uid, recorded.Account);
    }

    [Fact]
    public async Task SubmitAsync_WithCallbackUrl_KeepsTheNoticeUuidInTheDetails()
    {
        var submission = await topView.Storyboards.SubmitAsync(TopViewHarness.Storyboard("notice"),
            TopViewHarness.Context(new MemoryPreparedInputs(), callback: new Uri("https://fleet.example/callbacks/topview/req/token")),
            CancellationToken.None);

        Assert.True(Guid.TryParse(submission.Details![TopViewSubmissions.NoticeUuid], out _));
    }

    [Fact]
    public async Task SubmitAsync_VideoSet_UploadsTheFrameAndIsFollowedToEveryVideo()
    {
        var command = TopViewHarness.Video("set") with { Count = 3 };
        Assert.Empty(topView.Videos.Validate(command));
        var prepared = new MemoryPreparedInputs();

        await topView.Videos.PrepareAsync(command, "default", prepared, CancellationToken.None);
        var submission = await topView.Videos.SubmitAsync(command, TopViewHarness.Context(prepared), CancellationToken.None);
        var state = await topView.FollowAsync(TopViewHarness.TaskOf(GenerationKinds.Video, command.Model!, submission));

        Assert.Equal(ProviderTaskPhase.Succeeded, state.Phase);
        Assert.Equal(3, state.Items.Count);
        Assert.All(state.Items, item => Assert.True(item is { Role: ArtifactRoles.Video, Succeeded: true, Url: not null }));
        Assert.Equal((3, 3), (state.ItemsCompleted, state.ItemsTotal));
        Assert.True(state.ReportedCost is { Amount: > 0, Unit: "credits", Source: CostSources.Reported });
    }

    [Fact]
    public async Task SubmitAsync_MultiReferenceVideo_SendsTheUploadedReferences()
    {
        var command = new GenerateVideo
        {
            Model = "kling-v3-reference-video",
            Prompt = "two friends meet [refs]",
            ReferenceImageUrls = [$"{ReferenceImages.Host}/a.png", $"{ReferenceImages.Host}/b.png"],
            AspectRatio = "9:16",
            DurationSeconds = 5,
        };
        Assert.Empty(topView.Videos.Validate(command));
        var prepared = new MemoryPreparedInputs();

        await topView.Videos.PrepareAsync(command, "default", prepared, CancellationToken.None);
        var submission = await topView.Videos.SubmitAsync(command, TopViewHarness.Context(prepared), CancellationToken.None);
        var state = await topView.FollowAsync(TopViewHarness.TaskOf(GenerationKinds.Video, command.Model!, submission));

        Assert.Equal(2, prepared.Values.Count);
        Assert.Equal(ProviderTaskPhase.Succeeded, state.Phase);
    }

    [Fact]
    public async Task SubmitAsync_EveryVideoModelWithTheLeastItTakes_IsAccepted()
    {
        await topView.Control.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = "[every]", DurationMs = 0 });
        var prepared = new MemoryPreparedInputs();
        foreach (var model in TopViewVideoModels.All)
        {
            var command = model.InputMode == TopViewInputMode.MultiReference
                ? new GenerateVideo { Model = model.DisplayName, Prompt = "[every]", ReferenceImageUrls = [$"{ReferenceImages.Host}/a.png", $"{ReferenceImages.Host}/b.png"] }
                : new GenerateVideo { Model = model.DisplayName, Prompt = "[every]", FirstFrameUrl = $"{ReferenceImages.Host}/a.png" };
            Assert.Empty(topView.Videos.Validate(command));

            await topView.Videos.PrepareAsync(command, "default", prepared, CancellationToken.None);
            var submission = await topView.Videos.SubmitAsync(command, TopViewHarness.Context(prepared), CancellationToken.None);

            Assert.False(string.IsNullOrEmpty(submission.TaskId), model.DisplayName);
        }

        Assert.Equal(2, topView.TopView.Count("/v1/upload/credential"));
    }

    [Fact]
    public async Task SubmitAsync_EveryVideoModelAtItsLimits_IsAccepted()
    {
        await topView.Control.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = "[limits]", DurationMs = 0 });
        var prepared = new MemoryPreparedInputs();
        var prompt = "[limits]" + new string('p', topView.Options.MaxPromptLength - 8);
        foreach (var model in TopViewVideoModels.All)
        {
            var command = new GenerateVideo
            {
                Model = model.Code,
                Prompt = prompt,
                FirstFrameUrl = model.InputMode == TopViewInputMode.MultiReference ? null : $"{ReferenceImages.Host}/a.png",
                EndFrameUrl = model.InputMode == TopViewInputMode.FirstEnd ? $"{ReferenceImages.Host}/b.png" : null,
                ReferenceImageUrls = model.InputMode == TopViewInputMode.MultiReference
                    ? [.. Enumerable.Range(0, model.MaxReferences).Select(i => $"{ReferenceImages.Host}/{i}.png")]
                    : null,
                Resolution = model.Resolutions?[^1],
                DurationSeconds = model.Durations[^1],
                AspectRatio = model.AspectRatios?[^1],
                Sound = model.Sound,
                Count = TopViewVideoModels.MaxCount,
            };
            Assert.Empty(topView.Videos.Validate(command));

            await topView.Videos.PrepareAsync(command, "default", prepared, CancellationToken.None);
            var submission = await topView.Videos.SubmitAsync(command, TopViewHarness.Context(prepared), CancellationToken.None);

            Assert.False(string.IsNullOrEmpty(submission.TaskId), model.DisplayName);
        }
    }

    [Theory]
    [InlineData("custom", 25)]
    [InlineData("custom", 2)]
    [InlineData("preset", 25)]
    [InlineData("auto", null)]
    public async Task SubmitAsync_EveryStoryboardModelAtItsLimits_IsAccepted(string gridMode, int? gridSize)
    {
        await topView.Control.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = "[limits]", DurationMs = 0 });
        var prepared = new MemoryPreparedInputs();
        foreach (var model in TopViewStoryboardModels.All)
        {
            var command = new GenerateStoryboard
            {
                Model = model.Code.ToUpperInvariant(),
                Story = "[limits]" + new string('s', TopViewStoryboardModels.MaxStoryLength - 8),
                Resolution = model.Resolutions[0],
                AspectRatio = "1:1",
                GridMode = gridMode,
                GridSize = gridSize,
                TargetDurationSeconds = 1,
                ReferenceImageUrls = [.. Enumerable.Range(0, model.MaxReferences).Select(i => $"{ReferenceImages.Host}/{i}.png")],
                BoardId = "board-1",
            };
            Assert.Empty(topView.Storyboards.Validate(command));

            await topView.Storyboards.PrepareAsync(command, "default", prepared, CancellationToken.None);
            var submission = await topView.Storyboards.SubmitAsync(command, TopViewHarness.Context(prepared), CancellationToken.None);

            Assert.False(string.IsNullOrEmpty(submission.TaskId), model.DisplayName);
        }
    }

    [Fact]
    public async Task SubmitAsync_RuleTheProviderEnforces_ThrowsRejectedValidationWithTheProvidersCode()
    {
        // Past the fleet's own rules on purpose, to see TopView's answer.
        var request = TopViewStoryboardProvider.ToRequest(TopViewHarness.Storyboard("bad"), [], null) with { Model = "Nano Banana Pro" };

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            topView.Client.SubmitStoryboardAsync(request, topView.Account, "ref", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "4000"), (ex.Kind, ex.Code, ex.ProviderCode));
        Assert.Contains("resolutions", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_InsufficientCredits_IsRejectedWith4100()
    {
        await topView.Control.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = "[broke]", Outcome = ScriptOutcome.InsufficientCredits });

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => SubmitStoryboardAsync("broke"));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.InsufficientCredits, "4100"), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    [Theory]
    [InlineData(429, ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited, "5003")]
    [InlineData(503, ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable, "5003")]
    [InlineData(500, ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "5000")]
    [InlineData(502, ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "5001")]
    [InlineData(400, ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "4000")]
    [InlineData(402, ProviderFailureKind.Rejected, GenerationErrorCodes.InsufficientCredits, "4100")]
    public async Task SubmitAsync_ProviderStatusWithEnvelope_FollowsTheEnvelopesCode(int status, ProviderFailureKind kind, string code, string providerCode)
    {
        await topView.Control.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = $"[status-{status}]", HttpStatus = status, RetryAfterSeconds = 7 });

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => SubmitStoryboardAsync($"status-{status}"));

        Assert.Equal((kind, code, providerCode), (ex.Kind, ex.Code, ex.ProviderCode));
        if (kind == ProviderFailureKind.Transient)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        }
    }

    [Fact]
    public async Task SubmitAsync_TooManyUnfinishedTasks_IsTransientRateLimitedWith4007()
    {
        await topView.Control.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = "[stuck]", Outcome = ScriptOutcome.Stuck });
        for (var i = 0; i < 5; i++)
        {
            await SubmitStoryboardAsync("stuck");
        }

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => SubmitStoryboardAsync("stuck"));

        Assert.Equal((ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited, "4007"), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    [Fact]
    public async Task SubmitAsync_ConnectionDroppedAfterAcceptance_IsOutcomeUnknown()
    {
        await topView.Control.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = "[drop]", Outcome = ScriptOutcome.AcceptThenDrop });

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => SubmitStoryboardAsync("drop"));

        Assert.Equal((ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome), (ex.Kind, ex.Code));
    }

    [Fact]
    public async Task SubmitAsync_WrongKey_IsRejectedProviderUnavailable()
    {
        var request = TopViewStoryboardProvider.ToRequest(TopViewHarness.Storyboard("key"), [], null);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => topView.Client.SubmitStoryboardAsync(request,
            new TopViewAccount { Uid = TopViewHarness.Uid, ApiKey = "not-the-key" }, "ref", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "401"), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    [Fact]
    public async Task GetTaskAsync_ContentPolicyFailure_IsFailedContentPolicyWithTheProvidersMessage()
    {
        await topView.Control.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = "[policy]", Outcome = ScriptOutcome.ContentPolicy, DurationMs = 0 });
        var command = TopViewHarness.Storyboard("policy");
        var submission = await topView.Storyboards.SubmitAsync(command, TopViewHarness.Context(new MemoryPreparedInputs()), CancellationToken.None);

        var state = await topView.FollowAsync(TopViewHarness.TaskOf(GenerationKinds.Storyboard, command.Model!, submission));

        Assert.Equal(ProviderTaskPhase.Failed, state.Phase);
        Assert.Equal((GenerationErrorCodes.ContentPolicy, TopViewStatus.ContentPolicyCode), (state.ErrorCode, state.ProviderCode));
        Assert.Contains("6001", state.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(state.Items);
        Assert.Equal(0m, state.ReportedCost?.Amount);
    }

    [Fact]
    public async Task GetTaskAsync_FailedVideo_IsFailedProviderFailedWithTheScriptedMessage()
    {
        await topView.Control.AddScriptAsync(new OutcomeScript { Provider = "topview", PromptContains = "[fails]", Outcome = ScriptOutcome.Failed, Message = "upstream model crashed", DurationMs = 0 });
        var command = TopViewHarness.Video("fails");
        var prepared = new MemoryPreparedInputs();
        await topView.Videos.PrepareAsync(command, "default", prepared, CancellationToken.None);
        var submission = await topView.Videos.SubmitAsync(command, TopViewHarness.Context(prepared), CancellationToken.None);

        var state = await topView.FollowAsync(TopViewHarness.TaskOf(GenerationKinds.Video, command.Model!, submission));

        Assert.Equal((ProviderTaskPhase.Failed, GenerationErrorCodes.ProviderFailed), (state.Phase, state.ErrorCode));
        Assert.Contains("upstream model crashed", state.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GenerationKinds.Storyboard)]
    [InlineData(GenerationKinds.Video)]
    public async Task GetTaskAsync_UnknownTask_ThrowsNotFound(string kind)
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => topView.Reader.GetTaskAsync(
            TopViewHarness.TaskOf(kind, "m", new ProviderSubmission("nope")), CancellationToken.None));

        Assert.Equal((ProviderFailureKind.NotFound, "4004"), (ex.Kind, ex.ProviderCode));
    }

    [Fact]
    public async Task GetTaskAsync_InjectedServerError_IsTransient()
    {
        await topView.Control.SetFaultsAsync(new FaultInjection { Provider = "topview", ErrorRate = 1, Statuses = [503], Target = FaultTarget.Poll });

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => topView.Reader.GetTaskAsync(
            TopViewHarness.TaskOf(GenerationKinds.Storyboard, "m", new ProviderSubmission("any")), CancellationToken.None));

        Assert.Equal(ProviderFailureKind.Transient, ex.Kind);
    }

    [Fact]
    public void Schedule_ByKindAndModel_UsesTheKindsPollingAndTheModelsOverride()
    {
        var storyboard = topView.Reader.Schedule(GenerationKinds.Storyboard, "Nano Banana 2");
        var video = topView.Reader.Schedule(GenerationKinds.Video, "Seedance 1.5 Pro");
        var standard = topView.Reader.Schedule(GenerationKinds.Video, "Standard");

        Assert.Equal((TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(600)), (storyboard.FirstPoll, storyboard.Timeout));
        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1500)), (video.FirstPoll, video.Timeout));
        Assert.Equal(TimeSpan.FromSeconds(180), standard.FirstPoll);
    }

    private Task<TopViewSubmitResult> SubmitStoryboardAsync(string marker) =>
        topView.Client.SubmitStoryboardAsync(TopViewStoryboardProvider.ToRequest(TopViewHarness.Storyboard(marker), [], null),
            topView.Account, "ref", CancellationToken.None);
}
