using System.Collections.Concurrent;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>Apikley's tasks by id, and the ids it hands out. Thread-safe.</summary>
internal sealed class ApikleyTaskStore(TimeProvider time) : IResettableState
{
    private readonly ConcurrentDictionary<string, ApikleyTask> tasks = new(StringComparer.Ordinal);
    private long lastIdMs;

    /// <summary>
    /// A new id in the documented format <c>task_sora-2-pro-storyboard_&lt;epoch-ms&gt;</c>. Two tasks created in
    /// the same millisecond get consecutive numbers (ids stay unique, in creation order, never before the clock).
    /// </summary>
    public string NewTaskId()
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        long last, next;
        do
        {
            last = Interlocked.Read(ref lastIdMs);
            next = Math.Max(now, last + 1);
        }
        while (Interlocked.CompareExchange(ref lastIdMs, next, last) != last);

        return $"task_{ApikleyValidator.Model}_{next}";
    }

    public void Add(ApikleyTask task) => tasks[task.TaskId] = task;

    public ApikleyTask? Find(string taskId) => tasks.GetValueOrDefault(taskId);

    // The id counter is kept: ids stay unique across resets, so a stale id never finds a new task.
    public void Reset() => tasks.Clear();
}
