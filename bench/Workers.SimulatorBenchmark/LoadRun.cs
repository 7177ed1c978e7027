using System.Diagnostics;
using Workers.ProviderSimulator;
using Workers.SimulatorBenchmark.Workloads;

namespace Workers.SimulatorBenchmark;

/// <summary>
/// One provider's run over real loopback HTTP: a sample of submissions and polls measured with <c>liveTasks</c> tasks in
/// memory, then again on the same warm process after a reset (the baseline: empty), plus the memory the tasks take.
/// </summary>
internal sealed class LoadRun(IWorkload workload, int liveTasks, int sample, int concurrency)
{
    private const int WarmUpCalls = 5_000;

    public async Task<LoadReport> RunAsync(CancellationToken cancellationToken)
    {
        // Speed factor 0.01: every task stays in progress for the whole run, so all of them are live.
        string[] args = ["--urls", "http://127.0.0.1:0", "--Simulator:SpeedFactor=0.01", "--Logging:LogLevel:Default=Warning", .. workload.SimulatorArgs];
        await using var app = SimulatorApp.Create(args);
        await app.StartAsync(cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency })
        {
            BaseAddress = SimulatorApp.GetBaseAddress(app),
        };

        var taskIds = new string[Math.Max(WarmUpCalls, liveTasks + sample)];

        // Warm-up (JIT, connection pool), then a reset: both measurements run on warm code.
        await SubmitAsync(http, taskIds, 0, WarmUpCalls, cancellationToken);
        await PollAsync(http, taskIds, WarmUpCalls, cancellationToken);
        await ResetAsync(http, cancellationToken);
        var memoryBefore = SettledMemory();

        var fill = await SubmitAsync(http, taskIds, 0, liveTasks, cancellationToken);
        var memoryAfter = SettledMemory();
        var loadedSubmit = await SubmitAsync(http, taskIds, liveTasks, sample, cancellationToken);
        var loadedPoll = await PollAsync(http, taskIds, liveTasks + sample, cancellationToken);

        await ResetAsync(http, cancellationToken);
        var baselineSubmit = await SubmitAsync(http, taskIds, 0, sample, cancellationToken);
        var baselinePoll = await PollAsync(http, taskIds, sample, cancellationToken);

        await app.StopAsync(cancellationToken);
        return new LoadReport(
            workload.Provider,
            liveTasks,
            baselineSubmit,
            loadedSubmit,
            baselinePoll,
            loadedPoll,
            fill,
            (memoryAfter - memoryBefore) / (double)liveTasks);
    }

    private static async Task ResetAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsync(new Uri("/_control/reset", UriKind.Relative), content: null, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private Task<PhaseResult> SubmitAsync(HttpClient http, string[] taskIds, int first, int count, CancellationToken cancellationToken) =>
        MeasureAsync(
            count,
            async (i, ct) =>
            {
                var index = first + i;
                using var request = workload.Submit(index);
                using var response = await http.SendAsync(request, ct);
                taskIds[index] = workload.TaskId((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
            },
            cancellationToken);

    // Polls a random task among those submitted so far, as a fleet polls whichever tasks are due.
    private Task<PhaseResult> PollAsync(HttpClient http, string[] taskIds, int submitted, CancellationToken cancellationToken) =>
        MeasureAsync(
            sample,
            async (_, ct) =>
            {
                var index = Random.Shared.Next(submitted);
                using var request = workload.Poll(taskIds[index], index);
                using var response = await http.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{workload.Provider} poll answered {(int)response.StatusCode}: {body}");
                }
            },
            cancellationToken);

    private async Task<PhaseResult> MeasureAsync(int count, Func<int, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var claimed = -1;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref claimed)) < count)
            {
                var start = Stopwatch.GetTimestamp();
                await call(i, cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        return PhaseResult.From(latencies, clock.Elapsed);
    }

    private static long SettledMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
