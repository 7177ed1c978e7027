using System.Collections.Concurrent;

namespace Workers.ProviderSimulator.Ledger;

/// <summary>Every accepted submission since the last reset, in arrival order. Thread-safe.</summary>
public sealed class SubmissionLog : IResettableState
{
    private readonly ConcurrentQueue<Submission> submissions = new();

    public void Record(Submission submission) => submissions.Enqueue(submission);

    /// <summary>The submissions to <paramref name="provider"/> (any when null) whose prompt contains <paramref name="promptContains"/>.</summary>
    public IReadOnlyList<Submission> Find(string? provider, string? promptContains) =>
        submissions
            .Where(s => provider is null || string.Equals(s.Provider, provider, StringComparison.OrdinalIgnoreCase))
            .Where(s => string.IsNullOrEmpty(promptContains) || s.Prompt.Contains(promptContains, StringComparison.Ordinal))
            .ToList();

    public void Reset() => submissions.Clear();
}
