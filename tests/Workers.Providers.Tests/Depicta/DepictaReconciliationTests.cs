using Workers.Providers.Depicta;

namespace Workers.Providers.Tests.Depicta;

public sealed class DepictaReconciliationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(120);

    [Theory]
    [InlineData(-5.0, true)]
    [InlineData(-5.001, false)]
    [InlineData(0.0, true)]
    [InlineData(120.0, true)]
    [InlineData(120.001, false)]
    public void From_CreatedAt_MustLieInTheAttemptsWindow(double secondsAfterStart, bool candidate)
    {
        var found = DepictaReconciliation.From([Job("j", Start.AddSeconds(secondsAfterStart))], DepictaStories.Valid(), Start, 100, Window);

        Assert.Equal(candidate, found.Candidates.Count == 1);
    }

    [Fact]
    public void From_JobsOfAnotherTypeModelOrSceneCount_AreNotCandidates()
    {
        var jobs = new[]
        {
            Job("other-type", Start) with { Type = "image" },
            Job("other-model", Start) with { Model = DepictaModels.Story1Fast },
            Job("other-count", Start) with { ScenesTotal = 2 },
            Job("no-date", Start) with { CreatedAt = null },
            Job("", Start),
            Job("mine", Start.AddSeconds(1)),
            Job("mine", Start.AddSeconds(1)),
        };

        var found = DepictaReconciliation.From(jobs, DepictaStories.Valid(), Start, 100, Window);

        var candidate = Assert.Single(found.Candidates);
        Assert.Equal("mine", candidate.TaskId);
        Assert.Equal("https://api.depicta.ai/v1/jobs/mine", candidate.Details![DepictaPollUrl.DetailKey]);
    }

    [Fact]
    public void From_ListShorterThanTheLimit_CoversTheWindow()
    {
        Assert.True(DepictaReconciliation.From([], DepictaStories.Valid(), Start, 100, Window).CoversWindow);
        Assert.True(DepictaReconciliation.From([Job("a", Start), Job("b", Start)], DepictaStories.Valid(), Start, 3, Window).CoversWindow);
    }

    [Theory]
    [InlineData(-5.001, true)]
    [InlineData(-5.0, false)]
    [InlineData(30.0, false)]
    public void From_FullList_CoversTheWindowOnlyWhenItsOldestJobIsOlderThanTheAttempt(double oldestSecondsAfterStart, bool covers)
    {
        var jobs = new[] { Job("new", Start.AddSeconds(40)), Job("old", Start.AddSeconds(oldestSecondsAfterStart)) };

        Assert.Equal(covers, DepictaReconciliation.From(jobs, DepictaStories.Valid(), Start, 2, Window).CoversWindow);
    }

    private static DepictaJob Job(string id, DateTimeOffset createdAt) => new()
    {
        Id = id,
        Type = DepictaModels.StoryJobType,
        Model = DepictaModels.Story1,
        Status = "processing",
        ScenesTotal = 3,
        CreatedAt = createdAt,
        PollUrl = $"https://api.depicta.ai/v1/jobs/{id}",
    };
}
