namespace Workers.ProviderSimulator.Callbacks;

/// <summary>
/// One callback attempt, as <c>GET /_control/callback-deliveries</c> lists it. <c>Kind</c> is <c>genuine</c>,
/// <c>duplicate</c>, <c>forged</c>, <c>suppressed</c> (mode off: not sent) or <c>held</c> (mode out_of_order:
/// waiting to be overtaken; its delivery follows as <c>genuine</c>); <c>Attempt</c> is 1 for the first try;
/// <c>Status</c> is the receiver's HTTP status, null when the call failed (then <c>Error</c> says why) or was not made.
/// </summary>
public sealed record CallbackDelivery(
    string Provider,
    string TaskId,
    string Url,
    string Kind,
    int Attempt,
    int? Status,
    bool Acknowledged,
    DateTimeOffset At,
    string? Error);
