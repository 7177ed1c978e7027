using System.Collections.Concurrent;

namespace Workers.ProviderSimulator.TopView;

/// <summary>TopView's tasks of both kinds by id. Thread-safe.</summary>
internal sealed class TopViewTaskStore : IResettableState
{
    private readonly ConcurrentDictionary<string, TopViewTask> tasks = new(StringComparer.Ordinal);

    public void Add(TopViewTask task) => tasks[task.TaskId] = task;

    public TopViewTask? Find(string taskId) => tasks.GetValueOrDefault(taskId);

    public void Reset() => tasks.Clear();
}
