using System.Globalization;
using Workers.SimulatorBenchmark;
using Workers.SimulatorBenchmark.Workloads;

// Usage: dotnet run -c Release --project bench/Workers.SimulatorBenchmark -- [liveTasks=100000] [provider=all] [sample=5000] [concurrency=16]
var liveTasks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var only = args.Length > 1 ? args[1] : "all";
var sample = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5_000;
var concurrency = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 16;

IWorkload[] workloads = [new TopViewWorkload(), new ApikleyWorkload(), new DepictaWorkload(), new UniAllWorkload()];
foreach (var workload in workloads.Where(w => only == "all" || w.Provider == only))
{
    var report = await new LoadRun(workload, liveTasks, sample, concurrency).RunAsync(CancellationToken.None);
    report.Print(Console.Out);
}
