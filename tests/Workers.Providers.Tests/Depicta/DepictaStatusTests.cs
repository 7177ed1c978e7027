using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Depicta;

namespace Workers.Providers.Tests.Depicta;

public sealed class DepictaStatusTests
{
    [Theory]
    [InlineData("pending", ProviderTaskPhase.Queued)]
    [InlineData("processing", ProviderTaskPhase.Running)]
    [InlineData("rendering_portraits", ProviderTaskPhase.Running)]
    [InlineData("", ProviderTaskPhase.Running)]
    [InlineData("completed", ProviderTaskPhase.Succeeded)]
    [InlineData("failed", ProviderTaskPhase.Failed)]
    public void ToState_Status_MapsToPhase(string status, ProviderTaskPhase phase)
    {
        var state = DepictaStatus.ToState(new DepictaJob { Status = status, ScenesCompleted = 1, ScenesTotal = 4 }, "png");

        Assert.Equal((phase, status, 1, 4), (state.Phase, state.ProviderStatus, state.ItemsCompleted, state.ItemsTotal));
    }

    [Fact]
    public void ToState_Completed_ListsScenesInTheChosenFormatThenCharactersWithNames()
    {
        var job = Completed(new Dictionary<string, string> { ["png"] = "https://i/1.png", ["webp"] = "https://i/1.webp" },
            new Dictionary<string, string> { ["png"] = "https://i/2.png" });

        var state = DepictaStatus.ToState(job, "webp");

        Assert.Equal(["https://i/1.webp", "https://i/2.png", "https://i/fox.png", "https://i/owl.png"], state.Items.Select(i => i.Url));
        Assert.Equal([ArtifactRoles.Scene, ArtifactRoles.Scene, ArtifactRoles.Character, ArtifactRoles.Character], state.Items.Select(i => i.Role));
        Assert.Equal([null, null, "Fox", "Owl"], state.Items.Select(i => i.Name));
        Assert.Equal(new CreditCost { Amount = 0.09m, Unit = "EUR", Source = CostSources.Reported }, state.ReportedCost);
    }

    [Fact]
    public void ToState_SceneWithoutAnyImage_IsAFailedItemInItsPlace()
    {
        var state = DepictaStatus.ToState(Completed(new Dictionary<string, string> { ["jpeg"] = "https://i/1.jpg" }, null), "png");

        Assert.False(state.Items[0].Succeeded);
        Assert.Contains("scene 1", state.Items[0].ErrorMessage, StringComparison.Ordinal);
        Assert.False(state.Items[1].Succeeded);
        Assert.Equal(ProviderTaskPhase.Succeeded, state.Phase);
    }

    [Theory]
    [InlineData("content_rejected", GenerationErrorCodes.ContentPolicy)]
    [InlineData("generation_failed", GenerationErrorCodes.ProviderFailed)]
    [InlineData(null, GenerationErrorCodes.ProviderFailed)]
    public void ToState_Failed_KeepsDepictasCodeAndCost(string? code, string expected)
    {
        var job = new DepictaJob { Status = "failed", Error = code is null ? null : new DepictaJobError { Code = code, Message = "no" }, CostEur = "0.045000" };

        var state = DepictaStatus.ToState(job, "png");

        Assert.Equal((expected, code ?? "failed"), (state.ErrorCode, state.ProviderCode));
        Assert.Equal(code is null ? "Depicta reported the story failed" : "no", state.ErrorMessage);
        Assert.Equal(0.045m, state.ReportedCost?.Amount);
        Assert.Empty(state.Items);
    }

    [Theory]
    [InlineData("0.090000", 0.09)]
    [InlineData("12", 12.0)]
    [InlineData("0,09", null)]
    [InlineData("-1", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Cost_DecimalString_IsReadInvariantly(string? cost, double? expected) =>
        Assert.Equal(expected is null ? null : (decimal)expected, DepictaStatus.Cost(cost)?.Amount);

    private static DepictaJob Completed(IReadOnlyDictionary<string, string>? scene1, IReadOnlyDictionary<string, string>? scene2) => new()
    {
        Status = "completed",
        ScenesCompleted = 2,
        ScenesTotal = 2,
        CostEur = "0.090000",
        Result = new DepictaStoryResult
        {
            Scenes = [new DepictaSceneResult { Images = scene1 }, new DepictaSceneResult { Images = scene2 }],
            Characters =
            [
                new DepictaCharacterResult { Name = "Fox", ReferenceUrl = "https://i/fox.png" },
                new DepictaCharacterResult { Name = "Owl", ReferenceUrl = "https://i/owl.png" },
            ],
        },
    };
}
