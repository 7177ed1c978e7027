using System.Globalization;

namespace Workers.SimulatorBenchmark;

/// <summary>What one provider's run measured, printed with the loaded/baseline ratios.</summary>
internal sealed record LoadReport(
    string Provider,
    int LiveTasks,
    PhaseResult BaselineSubmit,
    PhaseResult LoadedSubmit,
    PhaseResult BaselinePoll,
    PhaseResult LoadedPoll,
    PhaseResult Fill,
    double BytesPerTask)
{
    public void Print(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"{Provider}: {LiveTasks:N0} live tasks"));
        output.WriteLine($"  submit, empty (baseline)      {BaselineSubmit}");
        output.WriteLine($"  submit, all tasks live        {LoadedSubmit}  {Ratio(LoadedSubmit, BaselineSubmit)}");
        output.WriteLine($"  poll,   empty (baseline)      {BaselinePoll}");
        output.WriteLine($"  poll,   all tasks live        {LoadedPoll}  {Ratio(LoadedPoll, BaselinePoll)}");
        output.WriteLine($"  fill (every submit)           {Fill}");
        output.WriteLine(string.Create(c, $"  memory: {BytesPerTask:F0} bytes per live task ({BytesPerTask * LiveTasks / (1024 * 1024):F1} MiB in all)"));
    }

    private static string Ratio(PhaseResult loaded, PhaseResult baseline) => string.Create(
        CultureInfo.InvariantCulture,
        $"ratio to baseline: p50 x{loaded.P50Ms / baseline.P50Ms:F2}, p99 x{loaded.P99Ms / baseline.P99Ms:F2}, throughput x{loaded.PerSecond / baseline.PerSecond:F2}");
}
