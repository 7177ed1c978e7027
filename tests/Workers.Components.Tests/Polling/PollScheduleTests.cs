using Workers.Providers.Abstractions;

namespace Workers.Components.Tests.Polling;

public sealed class PollScheduleTests
{
    [Fact]
    public void DelayBeforePoll_GrowsByTheFactorUpToTheMaximum()
    {
        var polling = new PollingOptions { FirstPollSeconds = 2, BackoffFactor = 1.5, MaxIntervalSeconds = 5 };

        var delays = Enumerable.Range(0, 5).Select(n => polling.DelayBeforePoll(n).TotalSeconds).ToArray();

        Assert.Equal([2, 3, 5, 5, 5], delays);
    }

    [Fact]
    public void DelayBeforeRetry_HonoursRetryAfterElseDoubles()
    {
        var retry = new SubmitRetryOptions { DelaySeconds = 5 };

        Assert.Equal(TimeSpan.FromSeconds(30), retry.DelayBeforeRetry(1, TimeSpan.FromSeconds(30)));
        Assert.Equal([5.0, 10.0, 20.0], [.. new[] { 1, 2, 3 }.Select(n => retry.DelayBeforeRetry(n, null).TotalSeconds)]);
    }
}
