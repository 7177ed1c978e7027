namespace Workers.ProviderSimulator.Ledger;

/// <summary>What one provider has seen since the last reset, as <c>GET /_control/counters</c> reports it.</summary>
/// <param name="SubmissionsAccepted">Submissions that created a task (including accept_then_drop ones).</param>
/// <param name="SubmissionsRejected">Rejected submissions by HTTP status (400, 401, 402, 429, …).</param>
/// <param name="Polls">Status queries, all of them (unknown tasks and rejected keys included).</param>
/// <param name="Downloads">Result files served.</param>
public sealed record ProviderCounters(
    long SubmissionsAccepted,
    IReadOnlyDictionary<int, long> SubmissionsRejected,
    long Polls,
    long Downloads);
