using System.Globalization;

namespace Workers.SimulatorBenchmark;

/// <summary>Latencies and throughput of one measured phase.</summary>
internal sealed record PhaseResult(int Calls, TimeSpan Elapsed, double P50Ms, double P99Ms)
{
    public double PerSecond => Calls / Elapsed.TotalSeconds;

    public static PhaseResult From(double[] latenciesMs, TimeSpan elapsed)
    {
        Array.Sort(latenciesMs);
        return new(latenciesMs.Length, elapsed, Percentile(latenciesMs, 0.50), Percentile(latenciesMs, 0.99));
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"p50 {P50Ms,7:F3} ms  p99 {P99Ms,7:F3} ms  {PerSecond,8:F0} calls/s");

    private static double Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(share * sorted.Length))];
}
