namespace Workers.ProviderSimulator.Scripts;

/// <summary>
/// A scripted behaviour for the next matching submissions to one provider: the body of
/// <c>POST /_control/scripts</c>.
/// </summary>
public sealed record OutcomeScript
{
    /// <summary>Provider name, e.g. <c>uniall</c>.</summary>
    public string Provider { get; init; } = "";

    /// <summary>Only submissions whose prompt contains this text (ordinal); null matches every prompt.</summary>
    public string? PromptContains { get; init; }

    /// <summary>How many matching submissions this applies to; null means until reset.</summary>
    public int? Count { get; init; }

    public ScriptOutcome Outcome { get; init; } = ScriptOutcome.Success;

    /// <summary>The provider's failure text for failed/content_policy tasks, the failed item of a partial failure, and rejected submissions.</summary>
    public string? Message { get; init; }

    /// <summary>Exact run time of the task from submission to its end (not divided by the speed factor).</summary>
    public int? DurationMs { get; init; }

    /// <summary>Delay before the submission is answered (not divided by the speed factor).</summary>
    public int? SubmitLatencyMs { get; init; }

    /// <summary>Reject the submission with this HTTP status (e.g. 429, 500, 503) instead of running the outcome.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Retry-After of a rejected submission; defaults to 1 s for 429.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>The Retry-After of a submission rejected with <paramref name="status"/>: the script's, else 1 s for a 429.</summary>
    public int? RetryAfterFor(int status) =>
        RetryAfterSeconds ?? (status == StatusCodes.Status429TooManyRequests ? 1 : null);

    /// <summary>The task's run time: the script's exact <see cref="DurationMs"/>, else <paramref name="simulated"/>().</summary>
    public static TimeSpan RunTime(OutcomeScript? script, Func<TimeSpan> simulated)
    {
        ArgumentNullException.ThrowIfNull(simulated);
        return script?.DurationMs is { } durationMs ? TimeSpan.FromMilliseconds(durationMs) : simulated();
    }

    /// <summary>Holds the submission for the script's <see cref="SubmitLatencyMs"/>, if it has one.</summary>
    public static Task DelaySubmissionAsync(OutcomeScript? script, TimeProvider time, CancellationToken cancellationToken) =>
        script?.SubmitLatencyMs is { } latencyMs and > 0
            ? Task.Delay(TimeSpan.FromMilliseconds(latencyMs), time, cancellationToken)
            : Task.CompletedTask;

    /// <summary>The reasons this script cannot be used, keyed by field; empty when it is valid.</summary>
    public IDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (SimulatedProviders.Canonical(Provider) is null)
        {
            errors["provider"] = [$"Unknown provider '{Provider}'; known: {string.Join(", ", SimulatedProviders.All)}."];
        }

        if (PromptContains is { Length: 0 })
        {
            errors["promptContains"] = ["Must not be empty; leave it out to match every prompt."];
        }

        if (Count is < 1)
        {
            errors["count"] = ["Must be >= 1; leave it out to apply until reset."];
        }

        if (!Enum.IsDefined(Outcome))
        {
            errors["outcome"] = ["Unknown outcome."];
        }
        else if (Outcome == ScriptOutcome.PartialFailure
            && SimulatedProviders.Canonical(Provider) is { } provider
            && provider != SimulatedProviders.TopView)
        {
            // Only TopView answers with one status per result item; elsewhere the outcome would silently mean success.
            errors["outcome"] = [$"partial_failure is TopView-only (per-item statuses of image-to-video tasks); {provider} has no per-item results."];
        }

        if (DurationMs is < 0)
        {
            errors["durationMs"] = ["Must be >= 0."];
        }

        if (SubmitLatencyMs is < 0)
        {
            errors["submitLatencyMs"] = ["Must be >= 0."];
        }

        if (HttpStatus is < 400 or > 599)
        {
            errors["httpStatus"] = ["Must be an error status, 400-599."];
        }

        if (RetryAfterSeconds is < 0)
        {
            errors["retryAfterSeconds"] = ["Must be >= 0."];
        }

        return errors;
    }
}
