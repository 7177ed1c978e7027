using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>Apikley's response wrapper <c>{ "code", "msg", "data" }</c> (code: an int from <see cref="ApikleyCodes"/>).</summary>
internal sealed record ApikleyEnvelope<T>(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("data")] T? Data);

/// <summary>The <c>data</c> of a created task.</summary>
internal sealed record ApikleyCreated([property: JsonPropertyName("taskId")] string TaskId);
