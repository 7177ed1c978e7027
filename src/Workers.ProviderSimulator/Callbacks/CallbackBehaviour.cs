namespace Workers.ProviderSimulator.Callbacks;

/// <summary>The callback behaviour of one provider: the body of <c>PUT /_control/callback-behaviour</c>.</summary>
public sealed record CallbackBehaviour
{
    /// <summary>Provider name; only <c>topview</c> and <c>apikley</c> send callbacks.</summary>
    public string Provider { get; init; } = "";

    public CallbackMode Mode { get; init; } = CallbackMode.Normal;

    /// <summary>The extra wait of <c>late</c>, and the longest hold of <c>out_of_order</c> (not divided by the speed factor).</summary>
    public int DelayMs { get; init; } = 2_000;

    /// <summary>The reasons this behaviour cannot be used, keyed by field; empty when it is valid.</summary>
    public IDictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (SimulatedProviders.Canonical(Provider) is null)
        {
            errors["provider"] = [$"Unknown provider '{Provider}'; known: {string.Join(", ", SimulatedProviders.All)}."];
        }

        if (!Enum.IsDefined(Mode))
        {
            errors["mode"] = ["Unknown mode."];
        }

        if (DelayMs < 0)
        {
            errors["delayMs"] = ["Must be >= 0."];
        }

        return errors;
    }
}
