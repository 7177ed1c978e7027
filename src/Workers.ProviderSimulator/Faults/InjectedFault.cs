namespace Workers.ProviderSimulator.Faults;

/// <summary>
/// A fault drawn for one call. Providers answer <see cref="Status"/> in their own error body; a
/// <see cref="Hang"/> fault is served by <see cref="FaultBook.HangAsync"/>.
/// </summary>
/// <param name="Status">The HTTP status to answer with; null for a hang.</param>
/// <param name="RetryAfterSeconds">Retry-After for the answer, when the injection asked for one.</param>
/// <param name="Hang">How long to hold the call before dropping the connection; null for a status answer.</param>
public sealed record InjectedFault(int? Status, int? RetryAfterSeconds, TimeSpan? Hang);
