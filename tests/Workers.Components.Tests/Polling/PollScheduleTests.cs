using Workers.Providers.Abstractions;

namespace Workers.Components.Tests.Polling;

public sealed class PollScheduleTests
{
    [Fact]
    public void BaseDelay_FirstPollThenIntervalsGrowingByTheFactorUpToTheMaximum()
    {
        var schedule = new PollingOptions { FirstPollSeconds = 2, IntervalSeconds = 2, BackoffFactor = 1.5, MaxIntervalSeconds = 5 }.For("any");

        var delays = Enumerable.Range(0, 6).Select(n => schedule.BaseDelay(n).TotalSeconds).ToArray();

        Assert.Equal([2, 2, 3, 4.5, 5, 5], delays);
    }

    [Fact]
    public void BaseDelay_FirstPollLongerThanTheMaximumInterval_IsNotCutShort()
    {
        // A video that takes a minute is first asked about after a minute, then every few seconds.
        var schedule = new PollingOptions { FirstPollSeconds = 60, IntervalSeconds = 10, MaxIntervalSeconds = 15 }.For("any");

        Assert.Equal([60, 10, 15, 15], Enumerable.Range(0, 4).Select(n => schedule.BaseDelay(n).TotalSeconds));
    }

    [Fact]
    public void For_ModelWithItsOwnSettings_OverridesOnlyThoseAndIgnoresCase()
    {
        var polling = new PollingOptions
        {
            FirstPollSeconds = 2, MaxIntervalSeconds = 5, DefaultTimeoutSeconds = 300,
            Models = new(StringComparer.OrdinalIgnoreCase) { ["Seedance 1.5 Pro"] = new ModelPollingOptions { FirstPollSeconds = 60 } },
        };

        var own = polling.For("seedance 1.5 pro");
        var other = polling.For("kling-v3");

        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(300)), (own.FirstPoll, own.MaxInterval, own.Timeout));
        Assert.Equal(TimeSpan.FromSeconds(2), other.FirstPoll);
    }

    [Theory]
    [InlineData(0.0, 9)]
    [InlineData(0.5, 10)]
    [InlineData(0.9999, 11)]
    public void DelayBeforePoll_SpreadsByTheJitterFraction(double random, double expectedSeconds)
    {
        var schedule = new PollingOptions { FirstPollSeconds = 10, JitterFraction = 0.1 }.For("any");

        Assert.Equal(expectedSeconds, Math.Round(schedule.DelayBeforePoll(0, random).TotalSeconds, 2), 2);
    }

    [Fact]
    public void DelayBeforeRetry_HonoursRetryAfterElseDoublesAndOnlyLengthensByJitter()
    {
        var retry = new SubmitRetryOptions { DelaySeconds = 5, JitterFraction = 0.2 };

        Assert.Equal(TimeSpan.FromSeconds(30), retry.DelayBeforeRetry(1, TimeSpan.FromSeconds(30), random: 0));
        Assert.Equal(TimeSpan.FromSeconds(36), retry.DelayBeforeRetry(1, TimeSpan.FromSeconds(30), random: 1));
        Assert.Equal([5.0, 10.0, 20.0], [.. new[] { 1, 2, 3 }.Select(n => retry.DelayBeforeRetry(n, null, random: 0).TotalSeconds)]);
    }
}
