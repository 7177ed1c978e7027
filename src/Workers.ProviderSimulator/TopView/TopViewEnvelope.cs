using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.TopView;

/// <summary>Every TopView answer: <c>{ "code": "&lt;string&gt;", "message", "result" }</c> (docs/PROVIDERS.md §0.1).</summary>
/// <remarks><c>Result</c> is typed <c>object</c> so System.Text.Json writes the runtime type's members.</remarks>
internal sealed record TopViewEnvelope(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("result")] object? Result)
{
    public static IResult Ok(object? result) => Results.Json(new TopViewEnvelope(TopViewCodes.Success, "Success", result));
}
