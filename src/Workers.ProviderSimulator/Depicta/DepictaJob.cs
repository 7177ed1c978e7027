namespace Workers.ProviderSimulator.Depicta;

/// <summary>How a job ends.</summary>
internal enum DepictaFate
{
    Complete,
    Fail,

    /// <summary>Never ends: stays <c>processing</c> one image short of done.</summary>
    Stuck,
}

/// <summary>The <c>error</c> of a failed job. [ASSUMPTION, docs/PROVIDERS.md §4.4] <c>{ code, message }</c>.</summary>
internal sealed record DepictaJobFailure(string Code, string Message);

/// <summary>
/// An accepted story job. It stores only its timeline; its status is computed from the clock when asked
/// (<see cref="DepictaJobState"/>), so no timer runs per job.
/// </summary>
/// <remarks>
/// <c>Account</c> is the API key that submitted it (other keys get 404); <c>PendingFor</c> is the time from submission
/// until it turns <c>processing</c>, <c>RunFor</c> the time until it ends. <c>CostEur</c> is what was charged (0
/// unless it completes) and <c>BalanceEur</c> the key's balance right after the charge.
/// </remarks>
internal sealed record DepictaJob(
    string Id,
    string Account,
    DepictaStory Story,
    DateTimeOffset CreatedAt,
    TimeSpan PendingFor,
    TimeSpan RunFor,
    DepictaFate Fate,
    DepictaJobFailure? Failure,
    decimal CostEur,
    decimal BalanceEur);
