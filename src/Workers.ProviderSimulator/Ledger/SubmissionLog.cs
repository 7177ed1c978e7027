using System.Collections.Concurrent;

namespace Workers.ProviderSimulator.Ledger;

/// <summary>Every accepted submission since the last reset, in arrival order. Thread-safe.</summary>
public sealed class SubmissionLog : IResettableState
{
    private readonly ConcurrentQueue<Submission> submissions = new();

    public void Record(Submission submission) => submissions.Enqueue(submission);

    /// <summary>
    /// The submissions to <paramref name="provider"/> (any when null) whose prompt contains
    /// <paramref name="promptContains"/> and whose client reference is <paramref name="clientReference"/> (each filter optional).
    /// </summary>
    public IReadOnlyList<Submission> Find(string? provider, string? promptContains, string? clientReference = null) =>
        submissions
            .Where(s => provider is null || string.Equals(s.Provider, provider, StringComparison.OrdinalIgnoreCase))
            .Where(s => string.IsNullOrEmpty(promptContains) || s.Prompt.Contains(promptContains, StringComparison.Ordinal))
            .Where(s => string.IsNullOrEmpty(clientReference) || string.Equals(s.ClientReference, clientReference, StringComparison.Ordinal))
            .ToList();

    public void Reset() => submissions.Clear();
}
