namespace Workers.ProviderSimulator.Files;

/// <summary>One provider's result files, served through signed links at <c>/files/…</c>.</summary>
public interface ISimulatedFileSource
{
    /// <summary>The provider name signed into the links (<see cref="SimulatedProviders"/>).</summary>
    string Provider { get; }

    /// <summary>The file, or null when the task is unknown, not finished at <paramref name="now"/>, or has no such index.</summary>
    SimulatedFile? Find(string taskId, int index, DateTimeOffset now);
}
