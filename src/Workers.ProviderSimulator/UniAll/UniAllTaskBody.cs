using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>The task object on the wire: bare on submit, inside <see cref="UniAllEnvelope"/> on query.</summary>
internal sealed record UniAllTaskBody(
    [property: JsonPropertyName("task_id")] string TaskId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("progress")] string Progress,
    [property: JsonPropertyName("result_url")] string? ResultUrl,
    [property: JsonPropertyName("metadata")] UniAllTaskMetadata Metadata,
    [property: JsonPropertyName("error")] string? Error);

internal sealed record UniAllTaskMetadata(
    [property: JsonPropertyName("task_type")] string TaskType,
    [property: JsonPropertyName("result_count")] int ResultCount,
    [property: JsonPropertyName("result_urls"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? ResultUrls);

/// <summary>The new-api style wrapper of the query endpoint: <c>{ "code", "message", "data" }</c>.</summary>
internal sealed record UniAllEnvelope(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("data")] UniAllTaskBody? Data);
