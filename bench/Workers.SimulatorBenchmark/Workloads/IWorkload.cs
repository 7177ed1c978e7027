namespace Workers.SimulatorBenchmark.Workloads;

/// <summary>How to submit and poll one provider's tasks, as its real clients do.</summary>
internal interface IWorkload
{
    /// <summary>Provider name as the simulator spells it.</summary>
    string Provider { get; }

    /// <summary>Simulator settings the load needs (e.g. limits raised so the benchmark measures the simulator, not its throttles).</summary>
    IEnumerable<string> SimulatorArgs { get; }

    /// <summary>The <paramref name="index"/>-th submission (its account may vary with the index).</summary>
    HttpRequestMessage Submit(int index);

    /// <summary>The task id from a successful submission's body, or throws when the call was not accepted.</summary>
    string TaskId(int status, string body);

    /// <summary>A status query of <paramref name="taskId"/>, submitted as the <paramref name="index"/>-th task.</summary>
    HttpRequestMessage Poll(string taskId, int index);
}
