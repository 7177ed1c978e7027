using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// The <c>data</c> of recordInfo and of callbacks (docs/PROVIDERS.md §3.3, §3.5). <c>param</c> and <c>resultJson</c> are
/// JSON-encoded strings; times are epoch milliseconds; <c>costTime</c> is milliseconds [ASSUMPTION]. Fields that do not
/// apply yet are empty strings (failCode, failMsg, resultJson) or null (completeTime, costTime), as in kie's examples.
/// </summary>
internal sealed record ApikleyRecord(
    [property: JsonPropertyName("taskId")] string TaskId,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("param")] string Param,
    [property: JsonPropertyName("resultJson")] string ResultJson,
    [property: JsonPropertyName("failCode")] string FailCode,
    [property: JsonPropertyName("failMsg")] string FailMsg,
    [property: JsonPropertyName("consumeCredits")] decimal ConsumeCredits,
    [property: JsonPropertyName("remainedCredits")] decimal RemainedCredits,
    [property: JsonPropertyName("costTime")] long? CostTime,
    [property: JsonPropertyName("createTime")] long CreateTime,
    [property: JsonPropertyName("completeTime")] long? CompleteTime,
    [property: JsonPropertyName("updateTime")] long UpdateTime);

/// <summary>The object inside <c>resultJson</c>.</summary>
internal sealed record ApikleyResult([property: JsonPropertyName("resultUrls")] IReadOnlyList<string> ResultUrls);
