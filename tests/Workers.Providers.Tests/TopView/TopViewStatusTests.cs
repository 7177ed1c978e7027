using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.TopView;

namespace Workers.Providers.Tests.TopView;

public sealed class TopViewStatusTests
{
    [Theory]
    [InlineData("init", ProviderTaskPhase.Queued)]
    [InlineData("running", ProviderTaskPhase.Running)]
    [InlineData("success", ProviderTaskPhase.Succeeded)]
    [InlineData("fail", ProviderTaskPhase.Failed)]
    [InlineData("failed", ProviderTaskPhase.Failed)]
    [InlineData("something-new", ProviderTaskPhase.Running)]
    public void PhaseOf_StatusWord_MapsToThePhase(string status, ProviderTaskPhase phase) =>
        Assert.Equal(phase, TopViewStatus.PhaseOf(status));

    [Fact]
    public void FromVideo_SetWithOneFailedVideo_IsSucceededWithThatItemFailed()
    {
        var task = new TopViewVideoTask
        {
            TaskId = "t",
            Status = "success",
            CostCredit = 2.5m,
            Videos =
            [
                new TopViewResultFile { Status = "success", FileId = "f1", FilePath = "https://cdn.example/1.mp4" },
                new TopViewResultFile { Status = "fail", FileId = "f2", ErrorMsg = "6001: security problem detected" },
                new TopViewResultFile { Status = "success", FileId = "f3", FilePath = "https://cdn.example/3.mp4" },
            ],
        };

        var state = TopViewStatus.FromVideo(task);

        Assert.Equal(ProviderTaskPhase.Succeeded, state.Phase);
        Assert.Equal([true, false, true], state.Items.Select(i => i.Succeeded));
        Assert.All(state.Items, i => Assert.Equal(ArtifactRoles.Video, i.Role));
        var failed = state.Items[1];
        Assert.Null(failed.Url);
        Assert.Equal(("6001: security problem detected", TopViewStatus.ContentPolicyCode), (failed.ErrorMessage, failed.ProviderCode));
        Assert.Equal("https://cdn.example/3.mp4", state.Items[2].Url);
        Assert.Equal(2.5m, state.ReportedCost?.Amount);
        Assert.Null(state.ErrorCode);
    }

    [Fact]
    public void FromVideo_EveryVideoFailed_IsFailedWithTheFirstMessage()
    {
        var state = TopViewStatus.FromVideo(new TopViewVideoTask
        {
            Status = "success",
            CostCredit = 0,
            Videos = [new TopViewResultFile { Status = "fail", ErrorMsg = "render error" }],
        });

        Assert.Equal((ProviderTaskPhase.Failed, GenerationErrorCodes.ProviderFailed, "render error"), (state.Phase, state.ErrorCode, state.ErrorMessage));
        Assert.Equal(0m, state.ReportedCost?.Amount);
    }

    [Fact]
    public void FromStoryboard_Running_HasNoItemsAndNoCostYet()
    {
        var state = TopViewStatus.FromStoryboard(new TopViewStoryboardTask
        {
            Status = "running",
            CostCredit = 0,
            Images = [new TopViewResultFile { Status = "running" }],
        });

        Assert.Equal(ProviderTaskPhase.Running, state.Phase);
        Assert.Empty(state.Items);
        Assert.Null(state.ReportedCost);
        Assert.Equal((0, 1), (state.ItemsCompleted, state.ItemsTotal));
    }

    [Theory]
    [InlineData("6001 security problem detected", GenerationErrorCodes.ContentPolicy, "6001")]
    [InlineData("model timed out", GenerationErrorCodes.ProviderFailed, "fail")]
    [InlineData(null, GenerationErrorCodes.ProviderFailed, "fail")]
    public void FromStoryboard_Failed_MapsTheMessageToACode(string? message, string code, string providerCode)
    {
        var state = TopViewStatus.FromStoryboard(new TopViewStoryboardTask { Status = "fail", ErrorMsg = message, CostCredit = 0 });

        Assert.Equal((ProviderTaskPhase.Failed, code, providerCode), (state.Phase, state.ErrorCode, state.ProviderCode));
        Assert.False(string.IsNullOrEmpty(state.ErrorMessage));
        Assert.Equal(new CreditCost { Amount = 0, Unit = "credits", Source = CostSources.Reported }, state.ReportedCost);
    }
}
