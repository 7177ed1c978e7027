namespace Workers.ProviderSimulator.Ledger;

/// <summary>What one provider has seen since the last reset, as <c>GET /_control/counters</c> reports it.</summary>
/// <param name="SubmissionsAccepted">Submissions that created a task (including accept_then_drop ones).</param>
/// <param name="SubmissionsRejected">Rejected submissions by HTTP status (400, 401, 402, 429, …); a business error
/// that a provider answers with HTTP 200 (TopView, Apikley) is counted under the status it stands for (e.g. 422).</param>
/// <param name="Polls">Status queries, all of them (unknown tasks and rejected keys included).</param>
/// <param name="Downloads">Result files served.</param>
/// <param name="SubmissionsByAccount">Accepted submissions per account (API key or uid).</param>
/// <param name="CreditsCharged">Sum of what the accepted tasks cost, in the provider's unit (credits; EUR for Depicta).</param>
/// <param name="CallbacksSent">Callback HTTP attempts, retries, duplicates and forged ones included.</param>
/// <param name="CallbacksAcknowledged">Attempts the receiver acknowledged as the provider's contract requires.</param>
/// <param name="CallbacksAbandoned">Callbacks given up after the last retry.</param>
/// <param name="FaultsInjected">Calls answered by an injected fault instead of the provider.</param>
public sealed record ProviderCounters(
    long SubmissionsAccepted,
    IReadOnlyDictionary<int, long> SubmissionsRejected,
    long Polls,
    long Downloads,
    IReadOnlyDictionary<string, long> SubmissionsByAccount,
    decimal CreditsCharged,
    long CallbacksSent,
    long CallbacksAcknowledged,
    long CallbacksAbandoned,
    long FaultsInjected);
