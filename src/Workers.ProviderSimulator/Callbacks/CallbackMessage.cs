namespace Workers.ProviderSimulator.Callbacks;

/// <summary>One callback a provider wants delivered: a JSON POST to the caller's URL.</summary>
/// <param name="Provider">The provider sending it.</param>
/// <param name="TaskId">The task it reports on.</param>
/// <param name="Url">The receiver (the task's <c>noticeUrl</c> / <c>callBackUrl</c>).</param>
/// <param name="Body">The JSON body, already serialised.</param>
/// <param name="Headers">Extra request headers (e.g. <c>Topview-Uid</c>, <c>X-Webhook-Signature</c>).</param>
/// <param name="IsAcknowledged">The provider's receiver contract: given the reply's HTTP status and body, did the receiver accept it?</param>
/// <param name="RetryDelays">Waits before each retry of an unacknowledged attempt (divided by the speed factor); empty sends once.</param>
public sealed record CallbackMessage(
    string Provider,
    string TaskId,
    Uri Url,
    byte[] Body,
    IReadOnlyDictionary<string, string> Headers,
    Func<int, string, bool> IsAcknowledged,
    IReadOnlyList<TimeSpan> RetryDelays)
{
    /// <summary>The forged copy sent first in <see cref="CallbackMode.Forged"/> mode; null when the provider has none.</summary>
    public CallbackMessage? Forged { get; init; }

    /// <summary>The usual acknowledgement: any 2xx reply.</summary>
    public static bool AnySuccessStatus(int status, string body) => status is >= 200 and <= 299;
}
