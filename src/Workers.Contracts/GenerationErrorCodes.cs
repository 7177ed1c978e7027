namespace Workers.Contracts;

/// <summary>The typed failure codes of <see cref="GenerationFailed.Code"/>.</summary>
public static class GenerationErrorCodes
{
    /// <summary>The command breaks a rule of the fleet or of the provider; nothing was submitted.</summary>
    public const string Validation = "validation";

    public const string InsufficientCredits = "insufficient_credits";

    public const string ContentPolicy = "content_policy";

    /// <summary>The provider kept refusing for rate or concurrency reasons until the fleet gave up.</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>The provider could not be reached or kept failing before accepting the task.</summary>
    public const string ProviderUnavailable = "provider_unavailable";

    /// <summary>The provider accepted the task and then reported it failed.</summary>
    public const string ProviderFailed = "provider_failed";

    /// <summary>The task did not finish before its deadline.</summary>
    public const string Timeout = "timeout";

    public const string Cancelled = "cancelled";

    /// <summary>
    /// The submission may or may not have reached the provider (a crash or a dropped connection mid-call) and
    /// the provider cannot be asked. The fleet does not resubmit, so it never pays twice.
    /// </summary>
    public const string UnknownOutcome = "unknown_outcome";
}
