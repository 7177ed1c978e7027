using Workers.Components.Intake;
using Workers.Contracts;

namespace Workers.Components.Tests.Intake;

/// <summary>The fleet-wide rules: request ids that can key a row, tags small enough to echo, no NUL in any text.</summary>
public sealed class CommandRulesTests
{
    [Theory]
    [InlineData("req-1", null)]
    [InlineData("", "RequestId is required.")]
    [InlineData("   ", "RequestId is required.")]
    [InlineData("a\u0000b", "control or invisible character at position 1")]
    [InlineData("a\nb", "control or invisible character at position 1")]
    [InlineData("a\u200Bb", "control or invisible character at position 1")]
    [InlineData("ünïcödé-✓", null)]
    public void RequestIdProblem_Text_IsJudged(string requestId, string? problem)
    {
        var found = CommandRules.RequestIdProblem(requestId);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RequestIdProblem_LoneSurrogate_IsNotPrintable() =>
        // Not in an attribute: attribute strings are stored as UTF-8, where a lone surrogate cannot survive.
        Assert.Contains("position 1", CommandRules.RequestIdProblem("x\uD800y"), StringComparison.Ordinal);

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void RequestIdProblem_Length_IsAtMost200(int length, bool valid) =>
        Assert.Equal(valid, CommandRules.RequestIdProblem(new string('r', length)) is null);

    [Fact]
    public void TagProblems_WithinEveryBound_AreNone() =>
        Assert.Empty(CommandRules.TagProblems(Enumerable.Range(0, 32).ToDictionary(i => $"{i}".PadLeft(64, 'k'), _ => new string('v', 256))));

    [Fact]
    public void TagProblems_PastEachBound_NameTags()
    {
        Assert.Contains("Tags has 33 entries", Assert.Single(CommandRules.TagProblems(Enumerable.Range(0, 33).ToDictionary(i => $"k{i}", _ => "v"))),
            StringComparison.Ordinal);
        Assert.Contains("65 characters; at most 64", Assert.Single(CommandRules.TagProblems(new Dictionary<string, string> { [new string('k', 65)] = "v" })),
            StringComparison.Ordinal);
        Assert.Contains("Tags['k'] has 257 characters", Assert.Single(CommandRules.TagProblems(new Dictionary<string, string> { ["k"] = new string('v', 257) })),
            StringComparison.Ordinal);
        Assert.Null(CommandRules.KeepableTags(new Dictionary<string, string> { ["k"] = new string('v', 257) }));
    }

    [Fact]
    public void Validate_NulInNestedText_NamesTheField()
    {
        var command = new GenerateVideo { RequestId = "r", Shots = [new VideoShot { Prompt = "ok" }, new VideoShot { Prompt = "a\u0000b" }] };

        Assert.Equal("Shots[1].Prompt contains a NUL character (U+0000), which cannot be stored or sent.", Assert.Single(CommandRules.Validate(command)));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData(1, true)]
    [InlineData(604_800, true)]
    [InlineData(0, false)]
    [InlineData(-5, false)]
    [InlineData(604_801, false)]
    public void Validate_TimeoutSeconds_IsADeadlineOfASecondToAWeek(int? seconds, bool valid)
    {
        var errors = CommandRules.Validate(new GenerateImage { RequestId = "r", TimeoutSeconds = seconds });

        Assert.Equal(valid, !errors.Any(e => e.Contains("TimeoutSeconds", StringComparison.Ordinal)));
    }
}
