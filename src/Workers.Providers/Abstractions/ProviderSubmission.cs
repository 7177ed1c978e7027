namespace Workers.Providers.Abstractions;

/// <summary>What the provider answered to an accepted submission: its task id and anything else needed to follow the task.</summary>
/// <param name="TaskId">The provider's id of the task.</param>
/// <param name="Details">What the provider handed back beyond the id (Depicta's <c>poll_url</c>, TopView's <c>noticeUuid</c> and
/// board ids), kept on the request's row and given back to the task reader.</param>
public sealed record ProviderSubmission(string TaskId, IReadOnlyDictionary<string, string>? Details = null);

/// <summary>What a submission needs besides the command.</summary>
public sealed record SubmitContext
{
    /// <summary>The provider account (a name in the provider's configuration).</summary>
    public required string Account { get; init; }

    /// <summary>The request id, for providers or proxies that take a client reference.</summary>
    public required string RequestId { get; init; }

    /// <summary>Where the provider should call back when the task ends; null when callbacks are off.</summary>
    public Uri? CallbackUrl { get; init; }

    /// <summary>What <see cref="IGenerationProvider{TCommand}.PrepareAsync"/> prepared.</summary>
    public required IPreparedInputs Prepared { get; init; }
}

/// <summary>The answer of <see cref="IGenerationProvider{TCommand}.FindSubmittedAsync"/>: what the provider's task list shows.</summary>
public sealed record Reconciliation
{
    /// <summary>The provider cannot be asked.</summary>
    public static readonly Reconciliation Unknown = new();

    /// <summary>
    /// Tasks the provider created in the attempt's window that match the command (same model, same shape). The fleet
    /// drops those already held by other requests; exactly one left is this request's task.
    /// </summary>
    public IReadOnlyList<ProviderSubmission> Candidates { get; init; } = [];

    /// <summary>
    /// The list reaches back past the attempt's start, so a task missing from it was never created: with no
    /// candidate left, the submission provably did not arrive and may be sent again.
    /// </summary>
    public bool CoversWindow { get; init; }
}
