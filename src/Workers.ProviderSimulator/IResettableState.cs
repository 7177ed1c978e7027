namespace Workers.ProviderSimulator;

/// <summary>State that <c>POST /_control/reset</c> forgets (tasks, scripts, counters, caches).</summary>
public interface IResettableState
{
    void Reset();
}
