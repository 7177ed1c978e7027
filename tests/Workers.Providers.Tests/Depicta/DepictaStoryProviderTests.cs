using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Depicta;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Scripts;

namespace Workers.Providers.Tests.Depicta;

/// <summary>The Depicta adapter and reader against the simulator: poll URLs, reconciliation, the client reference.</summary>
public sealed class DepictaStoryProviderTests : IAsyncLifetime
{
    private DepictaSimulatorHost host = null!;

    public async Task InitializeAsync() => host = await DepictaSimulatorHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task SubmitAsync_ValidStory_KeepsTheAbsolutePollUrlAndFollowsIt()
    {
        var submission = await host.Provider.SubmitAsync(DepictaStories.Valid("abs"), DepictaSimulatorHost.Context("req-abs"), CancellationToken.None);

        var pollUrl = new Uri(submission.Details![DepictaPollUrl.DetailKey]);
        Assert.True(pollUrl.IsAbsoluteUri);
        Assert.Equal($"/v1/jobs/{submission.TaskId}", pollUrl.AbsolutePath);
        var done = (await host.FollowAsync(DepictaSimulatorHost.TaskOf(submission)))[^1];
        Assert.Equal(ProviderTaskPhase.Succeeded, done.Phase);
        Assert.All(host.Requests.Skip(1), uri => Assert.Equal(pollUrl, uri));
    }

    [Fact]
    public async Task GetTaskAsync_RelativePollUrl_IsResolvedAgainstTheBaseUrlAndFollowed()
    {
        await using var relative = await DepictaSimulatorHost.StartAsync(null, "--Simulator:Depicta:PollUrlStyle=Relative");
        var submission = await relative.Provider.SubmitAsync(DepictaStories.Valid("rel"), DepictaSimulatorHost.Context("req-rel"), CancellationToken.None);

        Assert.Equal($"/v1/generate/story/{submission.TaskId}", submission.Details![DepictaPollUrl.DetailKey]);
        var done = (await relative.FollowAsync(DepictaSimulatorHost.TaskOf(submission)))[^1];
        Assert.Equal(ProviderTaskPhase.Succeeded, done.Phase);
        Assert.All(relative.Requests.Skip(1), uri => Assert.Equal(new Uri($"http://localhost/v1/generate/story/{submission.TaskId}"), uri));
    }

    [Fact]
    public async Task GetTaskAsync_PollUrlOnAnotherHost_IsNotFollowedAndTheJobIsReadById()
    {
        var submission = await host.Provider.SubmitAsync(DepictaStories.Valid("foreign"), DepictaSimulatorHost.Context("req-foreign"), CancellationToken.None);
        var foreign = new ProviderSubmission(submission.TaskId,
            new Dictionary<string, string> { [DepictaPollUrl.DetailKey] = $"https://collector.example/v1/generate/story/{submission.TaskId}" });

        var done = (await host.FollowAsync(DepictaSimulatorHost.TaskOf(foreign)))[^1];

        Assert.Equal(ProviderTaskPhase.Succeeded, done.Phase);
        Assert.All(host.Requests.Skip(1), uri => Assert.Equal(new Uri($"http://localhost/v1/jobs/{submission.TaskId}"), uri));
    }

    [Fact]
    public async Task GetTaskAsync_NoPollUrl_ReadsTheJobById()
    {
        var submission = await host.Provider.SubmitAsync(DepictaStories.Valid("bare"), DepictaSimulatorHost.Context("req-bare"), CancellationToken.None);

        var done = (await host.FollowAsync(DepictaSimulatorHost.TaskOf(new ProviderSubmission(submission.TaskId))))[^1];

        Assert.Equal(ProviderTaskPhase.Succeeded, done.Phase);
        Assert.Equal(new Uri($"http://localhost/v1/jobs/{submission.TaskId}"), host.Requests[^1]);
    }

    [Fact]
    public async Task SubmitAsync_SendsTheRequestIdAsClientReferenceWithTheAccountsKey()
    {
        await host.Provider.SubmitAsync(DepictaStories.Valid("ref"), DepictaSimulatorHost.Context("req-ref-1", "other"), CancellationToken.None);

        var submissions = await host.Control.GetSubmissionsAsync(provider: "depicta", clientReference: "req-ref-1");
        Assert.Single(submissions);
        Assert.Single(await host.Client.ListJobsAsync(10, "dpct_other_key", CancellationToken.None));
        Assert.Empty(await host.Client.ListJobsAsync(10, DepictaSimulatorHost.Key, CancellationToken.None));
    }

    [Fact]
    public async Task FindSubmittedAsync_AfterARealSubmission_FindsExactlyThatJob()
    {
        var command = DepictaStories.Valid("lost");
        var started = TimeProvider.System.GetUtcNow();
        var submission = await host.Provider.SubmitAsync(command, DepictaSimulatorHost.Context("req-lost"), CancellationToken.None);

        var found = await host.Provider.FindSubmittedAsync(command, DepictaSimulatorHost.Context("req-lost"), started, CancellationToken.None);

        var candidate = Assert.Single(found.Candidates);
        Assert.Equal(submission.TaskId, candidate.TaskId);
        Assert.Equal(submission.Details![DepictaPollUrl.DetailKey], candidate.Details![DepictaPollUrl.DetailKey]);
        Assert.True(found.CoversWindow);
    }

    [Fact]
    public async Task FindSubmittedAsync_ConnectionDroppedAfterTheJobWasCreated_FindsTheJob()
    {
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = "depicta", PromptContains = "[drop]", Outcome = ScriptOutcome.AcceptThenDrop });
        var command = DepictaStories.Valid("drop");
        var started = TimeProvider.System.GetUtcNow();

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() =>
            host.Provider.SubmitAsync(command, DepictaSimulatorHost.Context("req-drop"), CancellationToken.None));
        var found = await host.Provider.FindSubmittedAsync(command, DepictaSimulatorHost.Context("req-drop"), started, CancellationToken.None);

        Assert.Equal(ProviderFailureKind.OutcomeUnknown, ex.Kind);
        var created = Assert.Single(await host.Client.ListJobsAsync(10, DepictaSimulatorHost.Key, CancellationToken.None));
        Assert.Equal(created.Id, Assert.Single(found.Candidates).TaskId);
    }

    [Fact]
    public async Task FindSubmittedAsync_NoJob_CoversTheWindowWithNoCandidate()
    {
        var found = await host.Provider.FindSubmittedAsync(DepictaStories.Valid("none"), DepictaSimulatorHost.Context("req-none"),
            TimeProvider.System.GetUtcNow(), CancellationToken.None);

        Assert.Empty(found.Candidates);
        Assert.True(found.CoversWindow);
    }

    [Fact]
    public async Task FindSubmittedAsync_JobsOfAnotherShape_AreNotCandidates()
    {
        var command = DepictaStories.Valid("shape");
        var started = TimeProvider.System.GetUtcNow();
        await host.Provider.SubmitAsync(command with { Scenes = DepictaStories.Scenes(2) }, DepictaSimulatorHost.Context("a"), CancellationToken.None);
        await host.Provider.SubmitAsync(command with { Model = DepictaModels.Story1Fast }, DepictaSimulatorHost.Context("b"), CancellationToken.None);
        var mine = await host.Provider.SubmitAsync(command, DepictaSimulatorHost.Context("c"), CancellationToken.None);

        var found = await host.Provider.FindSubmittedAsync(command, DepictaSimulatorHost.Context("c"), started, CancellationToken.None);

        Assert.Equal(mine.TaskId, Assert.Single(found.Candidates).TaskId);
    }

    [Fact]
    public async Task FindSubmittedAsync_FullListOfJobsNewerThanTheAttempt_DoesNotCoverTheWindow()
    {
        await using var small = await DepictaSimulatorHost.StartAsync(o => o.ReconcileLimit = 2);
        var command = DepictaStories.Valid("full");
        var started = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await small.Provider.SubmitAsync(command, DepictaSimulatorHost.Context($"req-{i}"), CancellationToken.None);
        }

        var found = await small.Provider.FindSubmittedAsync(command, DepictaSimulatorHost.Context("req-x"), started, CancellationToken.None);

        Assert.Equal(2, found.Candidates.Count);
        Assert.False(found.CoversWindow);
    }

    [Fact]
    public async Task FindSubmittedAsync_ListCannotBeRead_ThrowsProviderCallException()
    {
        await host.Control.SetFaultsAsync(new FaultInjection
        {
            Provider = "depicta",
            ErrorRate = 1.0,
            Statuses = [503],
            Target = FaultTarget.Poll,
        });

        var ex = await Assert.ThrowsAsync<ProviderCallException>(() => host.Provider.FindSubmittedAsync(DepictaStories.Valid("x"),
            DepictaSimulatorHost.Context("req-x"), TimeProvider.System.GetUtcNow(), CancellationToken.None));

        Assert.Equal((ProviderFailureKind.Transient, "service_unavailable"), (ex.Kind, ex.ProviderCode));
    }

    [Fact]
    public void Validate_ValidStoryOnAConfiguredAccount_HasNoErrors() =>
        Assert.Empty(host.Provider.Validate(DepictaStories.Valid() with { Account = "other" }));

    [Fact]
    public void Validate_UnknownAccount_IsRefused() =>
        Assert.Contains("Account 'nobody' is not configured for depicta.", host.Provider.Validate(DepictaStories.Valid() with { Account = "nobody" }));

    [Fact]
    public void Provider_ReportsItsCostAndCanReconcile()
    {
        Assert.Null(host.Provider.EstimatePricePerResult(DepictaStories.Valid()));
        Assert.True(host.Provider.CanReconcile);
        Assert.Equal(ProviderNames.Depicta, host.Provider.Provider);
        Assert.Equal("default", host.Provider.DefaultAccount);
    }
}
