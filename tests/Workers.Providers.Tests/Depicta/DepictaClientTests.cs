using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Depicta;
using Workers.ProviderSimulator.Scripts;

namespace Workers.Providers.Tests.Depicta;

/// <summary>The fleet's Depicta client and reader against the simulator's Depicta API, in process.</summary>
public sealed class DepictaClientTests : IAsyncLifetime
{
    private DepictaSimulatorHost host = null!;

    public async Task InitializeAsync() => host = await DepictaSimulatorHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task SubmitStoryAsync_ValidStory_IsFollowedToCompletionWithScenesInOrderThenCharacters()
    {
        var answer = await host.Client.SubmitStoryAsync(Request("ok"), DepictaSimulatorHost.Key, "ref", CancellationToken.None);

        Assert.True(Guid.TryParse(answer.JobId, out _));
        Assert.Equal("pending", answer.Status);
        var states = await host.FollowAsync(DepictaSimulatorHost.TaskOf(Submission(answer)));
        var done = states[^1];
        Assert.Equal(ProviderTaskPhase.Succeeded, done.Phase);
        Assert.Equal("completed", done.ProviderStatus);
        Assert.Equal((3, 3), (done.ItemsCompleted, done.ItemsTotal));
        Assert.Equal(
            [ArtifactRoles.Scene, ArtifactRoles.Scene, ArtifactRoles.Scene, ArtifactRoles.Character, ArtifactRoles.Character],
            done.Items.Select(i => i.Role));
        for (var i = 0; i < 3; i++)
        {
            Assert.EndsWith($"-scene-{i + 1}.png", done.Items[i].Url, StringComparison.Ordinal);
        }

        Assert.Equal(["Fox", "Owl"], done.Items.Skip(3).Select(i => i.Name));
        Assert.All(done.Items, item => Assert.True(item.Succeeded && item.Url is not null));
        Assert.Equal(new CreditCost { Amount = 0.135m, Unit = "EUR", Source = CostSources.Reported }, done.ReportedCost);
    }

    [Fact]
    public async Task GetTaskAsync_ImageFormatWebp_KeepsEachScenesWebpImage()
    {
        await using var webp = await DepictaSimulatorHost.StartAsync(o => o.ImageFormat = "webp");
        var answer = await webp.Client.SubmitStoryAsync(Request("webp"), DepictaSimulatorHost.Key, "ref", CancellationToken.None);

        var done = (await webp.FollowAsync(DepictaSimulatorHost.TaskOf(Submission(answer))))[^1];

        Assert.All(done.Items.Take(3), item => Assert.EndsWith(".webp", item.Url, StringComparison.Ordinal));
        Assert.All(done.Items.Skip(3), item => Assert.EndsWith(".png", item.Url, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetTaskAsync_WhileTheStoryRuns_ReportsPendingThenScenesCompletedRisingToTheTotal()
    {
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = "depicta", PromptContains = "[slow]", DurationMs = 3000 });
        var answer = await host.Client.SubmitStoryAsync(Request("slow"), DepictaSimulatorHost.Key, "ref", CancellationToken.None);

        var states = await host.FollowAsync(DepictaSimulatorHost.TaskOf(Submission(answer)), intervalMs: 50);

        Assert.Equal(ProviderTaskPhase.Queued, states[0].Phase);
        Assert.Contains(states, s => s.Phase == ProviderTaskPhase.Running && s.ProviderStatus == "processing");
        var completed = states.Select(s => s.ItemsCompleted ?? -1).ToList();
        Assert.Equal(completed.Order(), completed);
        Assert.True(completed.Distinct().Count() >= 3, $"scenes_completed seen: {string.Join(",", completed)}");
        Assert.Equal(0, completed[0]);
        Assert.Equal(3, completed[^1]);
        Assert.All(states, s => Assert.Equal(3, s.ItemsTotal));
    }

    [Fact]
    public async Task SubmitStoryAsync_RequestBreakingSeveralRules_IsRejectedValidationNamingEachField()
    {
        var broken = Request("bad") with
        {
            Characters = [],
            Scenes = [new DepictaScene { Prompt = "a", Location = "Moon" }],
        };

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            host.Client.SubmitStoryAsync(broken, DepictaSimulatorHost.Key, "ref", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "bad_request"), (ex.Kind, ex.Code, ex.ProviderCode));
        Assert.Contains("characters: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scenes: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("scenes[0].location: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitStoryAsync_ModelWithoutMultiTurn_IsRejectedValidationModelNotCapable()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            host.Client.SubmitStoryAsync(Request("img") with { Model = "depicta-image-1" }, DepictaSimulatorHost.Key, "ref", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "model_not_capable"), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    [Fact]
    public async Task SubmitStoryAsync_InsufficientCredits_IsRejectedWithCreditInsufficient()
    {
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = "depicta", PromptContains = "[poor]", Outcome = ScriptOutcome.InsufficientCredits });

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            host.Client.SubmitStoryAsync(Request("poor"), DepictaSimulatorHost.Key, "ref", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.InsufficientCredits, "credit_insufficient"), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    [Fact]
    public async Task SubmitStoryAsync_ContentRejectedAtSubmit_IsRejectedContentPolicy()
    {
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = "depicta", PromptContains = "[policy]", Outcome = ScriptOutcome.ContentPolicy });

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            host.Client.SubmitStoryAsync(Request("policy"), DepictaSimulatorHost.Key, "ref", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.ContentPolicy, "content_rejected"), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    [Theory]
    [InlineData(429, ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited, "rate_limited")]
    [InlineData(503, ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable, "service_unavailable")]
    [InlineData(500, ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome, "internal_error")]
    [InlineData(502, ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome, "upstream_error")]
    [InlineData(409, ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, "conflict")]
    [InlineData(451, ProviderFailureKind.Rejected, GenerationErrorCodes.ContentPolicy, "content_unavailable_legal")]
    public async Task SubmitStoryAsync_ProviderStatus_SaysWhetherTheJobMayExist(int status, ProviderFailureKind kind, string code, string providerCode)
    {
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = "depicta", PromptContains = $"[status-{status}]", HttpStatus = status, RetryAfterSeconds = 7 });

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            host.Client.SubmitStoryAsync(Request($"status-{status}"), DepictaSimulatorHost.Key, "ref", CancellationToken.None));

        Assert.Equal((kind, code, providerCode), (ex.Kind, ex.Code, ex.ProviderCode));
        if (status == 429)
        {
            Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
        }
    }

    [Fact]
    public async Task SubmitStoryAsync_EleventhConcurrentRequestOfAKey_IsTransientRateLimitedWithRetryAfter()
    {
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = "depicta", PromptContains = "[hold]", SubmitLatencyMs = 4000, Count = 10 });
        var held = Enumerable.Range(0, 10)
            .Select(_ => host.Client.SubmitStoryAsync(Request("hold"), DepictaSimulatorHost.Key, "ref", CancellationToken.None))
            .ToList();

        // The ten hold their permits for 4 s; the first tries may come before all ten got theirs.
        ProviderCallException? ex = null;
        for (var attempt = 0; attempt < 15 && ex is null; attempt++)
        {
            await Task.Delay(200);
            ex = await Record.ExceptionAsync(() =>
                host.Client.SubmitStoryAsync(Request("eleventh"), DepictaSimulatorHost.Key, "ref", CancellationToken.None)) as ProviderCallException;
        }

        Assert.NotNull(ex);
        Assert.Equal((ProviderFailureKind.Transient, GenerationErrorCodes.RateLimited, "rate_limited"), (ex.Kind, ex.Code, ex.ProviderCode));
        Assert.Equal(TimeSpan.FromSeconds(1), ex.RetryAfter);
        Assert.All(await Task.WhenAll(held), answer => Assert.NotNull(answer.JobId));
    }

    [Fact]
    public async Task SubmitStoryAsync_KeyRefused_IsRejectedProviderUnavailable()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            host.Client.SubmitStoryAsync(Request("key"), "sk-not-depicta", "ref", CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Rejected, GenerationErrorCodes.ProviderUnavailable, "auth_invalid"), (ex.Kind, ex.Code, ex.ProviderCode));
    }

    [Fact]
    public async Task GetTaskAsync_FailedJob_IsFailedWithDepictasCodeAndMessage()
    {
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = "depicta",
            PromptContains = "[crash]",
            Outcome = ScriptOutcome.Failed,
            Message = "renderer crashed",
            DurationMs = 0,
        });
        var answer = await host.Client.SubmitStoryAsync(Request("crash"), DepictaSimulatorHost.Key, "ref", CancellationToken.None);

        var state = (await host.FollowAsync(DepictaSimulatorHost.TaskOf(Submission(answer))))[^1];

        Assert.Equal(ProviderTaskPhase.Failed, state.Phase);
        Assert.Equal((GenerationErrorCodes.ProviderFailed, "generation_failed"), (state.ErrorCode, state.ProviderCode));
        Assert.Equal("renderer crashed", state.ErrorMessage);
        Assert.Empty(state.Items);
    }

    [Fact]
    public async Task GetTaskAsync_JobFailedOnContent_IsFailedContentPolicy()
    {
        await using var late = await DepictaSimulatorHost.StartAsync(null, "--Simulator:Depicta:RejectContentAtSubmit=false");
        await late.Control.AddScriptAsync(new OutcomeScript { Provider = "depicta", PromptContains = "[policy]", Outcome = ScriptOutcome.ContentPolicy, DurationMs = 0 });
        var answer = await late.Client.SubmitStoryAsync(Request("policy"), DepictaSimulatorHost.Key, "ref", CancellationToken.None);

        var state = (await late.FollowAsync(DepictaSimulatorHost.TaskOf(Submission(answer))))[^1];

        Assert.Equal(ProviderTaskPhase.Failed, state.Phase);
        Assert.Equal((GenerationErrorCodes.ContentPolicy, "content_rejected"), (state.ErrorCode, state.ProviderCode));
    }

    [Fact]
    public async Task GetJobAsync_UnknownJob_ThrowsNotFound()
    {
        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            host.Client.GetJobAsync(Guid.NewGuid().ToString(), null, DepictaSimulatorHost.Key, CancellationToken.None));

        Assert.Equal((ProviderFailureKind.NotFound, "not_found"), (ex.Kind, ex.ProviderCode));
    }

    [Fact]
    public async Task GetJobAsync_AnotherKeysJob_ThrowsNotFound()
    {
        var answer = await host.Client.SubmitStoryAsync(Request("mine"), DepictaSimulatorHost.Key, "ref", CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            host.Client.GetJobAsync(answer.JobId!, null, "dpct_someone_else", CancellationToken.None));

        Assert.Equal(ProviderFailureKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task ListJobsAsync_AfterTwoSubmissions_ListsBothNewestFirst()
    {
        var first = await host.Client.SubmitStoryAsync(Request("one"), DepictaSimulatorHost.Key, "ref", CancellationToken.None);
        var second = await host.Client.SubmitStoryAsync(Request("two"), DepictaSimulatorHost.Key, "ref", CancellationToken.None);

        var jobs = await host.Client.ListJobsAsync(10, DepictaSimulatorHost.Key, CancellationToken.None);

        Assert.Equal([second.JobId, first.JobId], jobs.Select(j => j.Id));
        Assert.All(jobs, j => Assert.Equal((DepictaModels.StoryJobType, DepictaModels.Story1, 3), (j.Type, j.Model, j.ScenesTotal)));
        Assert.All(jobs, j => Assert.NotNull(j.CreatedAt));
    }

    private static DepictaStoryRequest Request(string marker) => DepictaStoryProvider.ToRequest(DepictaStories.Valid(marker));

    private static ProviderSubmission Submission(DepictaSubmitAnswer answer) =>
        new(answer.JobId!, new Dictionary<string, string> { [DepictaPollUrl.DetailKey] = answer.PollUrl! });
}
