using System.Globalization;
using Xunit.Abstractions;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>Collects how late delayed messages arrived and prints p50/p99/max: figures to read, not to assert.</summary>
sealed class LatenessReport
{
    readonly List<(string Label, TimeSpan Scheduled, TimeSpan Elapsed)> _samples = [];

    public void Add(string label, TimeSpan scheduled, TimeSpan elapsed) => _samples.Add((label, scheduled, elapsed));

    public void WriteTo(ITestOutputHelper output, string title)
    {
        foreach (var (label, scheduled, elapsed) in _samples.OrderBy(sample => sample.Scheduled))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-28} scheduled {scheduled.TotalSeconds,7:0} s  arrived after {elapsed.TotalSeconds,9:0.000} s  late {(elapsed - scheduled).TotalMilliseconds,8:0} ms"));
        }

        var lateness = _samples.Select(sample => (sample.Elapsed - sample.Scheduled).TotalMilliseconds).Order().ToArray();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: n={lateness.Length} lateness p50={Percentile(lateness, 0.50):0} ms p99={Percentile(lateness, 0.99):0} ms max={lateness[^1]:0} ms"));
    }

    // Nearest rank: with few samples p99 is the maximum, which is the honest answer.
    static double Percentile(double[] sorted, double quantile) =>
        sorted[Math.Max(0, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
