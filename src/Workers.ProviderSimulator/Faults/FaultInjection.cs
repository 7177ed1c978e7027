namespace Workers.ProviderSimulator.Faults;

/// <summary>
/// Random transport faults for one provider: the body of <c>PUT /_control/faults</c>. A call hit by a fault never
/// reaches the provider's logic, so it creates no task and charges nothing.
/// </summary>
public sealed record FaultInjection
{
    /// <summary>Provider name, e.g. <c>apikley</c>.</summary>
    public string Provider { get; init; } = "";

    /// <summary>Share of calls (0 to 1) answered with one of <see cref="Statuses"/>, picked uniformly.</summary>
    public double ErrorRate { get; init; }

    /// <summary>The HTTP statuses an error fault answers with.</summary>
    public IReadOnlyList<int> Statuses { get; init; } = [429, 500, 503];

    /// <summary>Retry-After of an injected 429 or 503; null sends none.</summary>
    public int? RetryAfterSeconds { get; init; } = 1;

    /// <summary>Share of calls (0 to 1) held for <see cref="TimeoutMs"/> and then dropped without a response.</summary>
    public double TimeoutRate { get; init; }

    /// <summary>How long a timed-out call hangs before its connection is aborted (not divided by the speed factor).</summary>
    public int TimeoutMs { get; init; } = 30_000;

    public FaultTarget Target { get; init; } = FaultTarget.All;

    /// <summary>The reasons this injection cannot be used, keyed by field; empty when it is valid.</summary>
    public IDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (SimulatedProviders.Canonical(Provider) is null)
        {
            errors["provider"] = [$"Unknown provider '{Provider}'; known: {string.Join(", ", SimulatedProviders.All)}."];
        }

        if (!double.IsFinite(ErrorRate) || ErrorRate is < 0 or > 1)
        {
            errors["errorRate"] = ["Must be between 0 and 1."];
        }

        if (!double.IsFinite(TimeoutRate) || TimeoutRate is < 0 or > 1 || ErrorRate + TimeoutRate > 1)
        {
            errors["timeoutRate"] = ["Must be between 0 and 1, and errorRate + timeoutRate must not exceed 1."];
        }

        if (Statuses is null || (ErrorRate > 0 && Statuses.Count == 0) || Statuses.Any(status => status is < 400 or > 599))
        {
            errors["statuses"] = ["Must list error statuses (400-599) when errorRate > 0."];
        }

        if (RetryAfterSeconds is < 0)
        {
            errors["retryAfterSeconds"] = ["Must be >= 0."];
        }

        if (TimeoutMs < 0)
        {
            errors["timeoutMs"] = ["Must be >= 0."];
        }

        if (!Enum.IsDefined(Target))
        {
            errors["target"] = ["Unknown target."];
        }

        return errors;
    }
}
