using System.Collections.Concurrent;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>UniAll's tasks by id. Thread-safe.</summary>
internal sealed class UniAllTaskStore : IResettableState
{
    private readonly ConcurrentDictionary<string, UniAllTask> tasks = new(StringComparer.Ordinal);

    public void Add(UniAllTask task) => tasks[task.TaskId] = task;

    public UniAllTask? Find(string taskId) => tasks.GetValueOrDefault(taskId);

    public void Reset() => tasks.Clear();
}
