using System.Text.Json;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Callbacks;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// Schedules a task's <c>callBackUrl</c> POST for when it ends (docs/PROVIDERS.md §3.5): the recordInfo <c>data</c> wrapped in
/// <c>{ code: 200, msg: "Playground task completed successfully." }</c>, or code 501 "Playground task failed.",
/// optionally signed; acknowledged by any 2xx; retried per <see cref="ApikleyOptions.CallbackRetryDelays"/>.
/// </summary>
internal sealed class ApikleyCallbacks(
    CallbackDispatcher dispatcher,
    ApikleyRecords records,
    TimeProvider time,
    IOptions<SimulatorOptions> options)
{
    public const string CompletedMsg = "Playground task completed successfully.";
    public const string FailedMsg = "Playground task failed.";

    private const string ForgedKeySuffix = "-forged";
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>Schedules the callback of <paramref name="task"/>, if it has a URL and will end; links go under <paramref name="baseUrl"/>.</summary>
    public void Schedule(ApikleyTask task, string baseUrl)
    {
        if (task.Order.CallBackUrl is not { } url || task.Fate == ApikleyFate.Stuck)
        {
            return;
        }

        dispatcher.Schedule(task.RunFor, () => Build(task, url, baseUrl));
    }

    private CallbackMessage Build(ApikleyTask task, Uri url, string baseUrl)
    {
        var settings = options.Value.Apikley;
        // The dispatcher's timer runs on real time; the record is the one of the task's end, whatever the clock says.
        var record = records.At(task, task.EndsAt, baseUrl);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        var hmacKey = settings.WebhookHmacKeyOf(task.Account);

        var genuine = Message(task, url, record, settings.SignCallbacks
            ? ApikleyWebhookSignature.Headers(task.TaskId, timestamp, hmacKey)
            : NoHeaders);

        // Forged: signed → the same body under a signature made with another key; unsigned → the opposite outcome.
        var forged = settings.SignCallbacks
            ? genuine with { Headers = ApikleyWebhookSignature.Headers(task.TaskId, timestamp, hmacKey + ForgedKeySuffix) }
            : Message(task, url, Flipped(record), NoHeaders);

        return genuine with { Forged = forged };
    }

    private CallbackMessage Message(ApikleyTask task, Uri url, ApikleyRecord record, IReadOnlyDictionary<string, string> headers)
    {
        var succeeded = record.State == ApikleyStates.Success;
        var body = new ApikleyEnvelope<ApikleyRecord>(
            succeeded ? ApikleyCodes.Success : ApikleyCodes.GenerationFailed,
            succeeded ? CompletedMsg : FailedMsg,
            record);
        return new CallbackMessage(
            SimulatedProviders.Apikley,
            task.TaskId,
            url,
            JsonSerializer.SerializeToUtf8Bytes(body),
            headers,
            CallbackMessage.AnySuccessStatus,
            options.Value.Apikley.CallbackRetryDelays.ToList());
    }

    private static ApikleyRecord Flipped(ApikleyRecord record) => record.State == ApikleyStates.Success
        ? record with { State = ApikleyStates.Fail, ResultJson = "", FailCode = "500", FailMsg = "Internal error.", ConsumeCredits = 0 }
        : record with { State = ApikleyStates.Success, ResultJson = JsonSerializer.Serialize(new ApikleyResult([])), FailCode = "", FailMsg = "" };
}
