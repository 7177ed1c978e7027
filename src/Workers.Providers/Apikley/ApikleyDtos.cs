using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workers.Providers.Apikley;

/// <summary>The body of <c>POST /api/v1/jobs/createTask</c>.</summary>
public sealed record ApikleyCreateTaskRequest
{
    public required string Model { get; init; }

    /// <summary>Spelled <c>callBackUrl</c>, with a capital B, as the provider does.</summary>
    public string? CallBackUrl { get; init; }

    public required ApikleyInput Input { get; init; }
}

/// <summary>The model's <c>input</c> object: snake_case keys, except the shots' capital <c>Scene</c>.</summary>
public sealed record ApikleyInput
{
    public required IReadOnlyList<ApikleyShot> Shots { get; init; }

    /// <summary>The total length as a string (<c>"10"</c>, <c>"15"</c>, <c>"25"</c>): the schema refuses a number.</summary>
    [JsonPropertyName("n_frames")]
    public required string NFrames { get; init; }

    [JsonPropertyName("image_urls")]
    public IReadOnlyList<string>? ImageUrls { get; init; }

    [JsonPropertyName("aspect_ratio")]
    public required string AspectRatio { get; init; }
}

public sealed record ApikleyShot
{
    [JsonPropertyName("Scene")]
    public required string Scene { get; init; }

    public required decimal Duration { get; init; }
}

/// <summary>
/// Every Apikley answer: <c>{ code, msg, data }</c>. The business code travels in the body, mostly on HTTP 200; the
/// get-task-detail example spells <c>msg</c> as <c>message</c>, so both are read.
/// </summary>
public sealed record ApikleyEnvelope<TData>
{
    public int? Code { get; init; }

    public string? Msg { get; init; }

    public string? Message { get; init; }

    /// <summary>Only the upload API sends it.</summary>
    public bool? Success { get; init; }

    public TData? Data { get; init; }

    /// <summary>The provider's message under whichever name it came.</summary>
    [JsonIgnore]
    public string? Text => Msg ?? Message;
}

/// <summary>The <c>data</c> of an accepted createTask.</summary>
public sealed record ApikleyTaskCreated
{
    public string? TaskId { get; init; }
}

/// <summary>
/// A task as <c>recordInfo</c> and callbacks show it. <see cref="Param"/> and <see cref="ResultJson"/> are JSON
/// documents encoded as strings (https://docs.apikley.ru/market/common/get-task-detail).
/// </summary>
public sealed record ApikleyRecord
{
    public string? TaskId { get; init; }

    /// <summary>The spelling of the webhook-verification sample (https://docs.kie.ai/common-api/webhook-verification).</summary>
    [JsonPropertyName("task_id")]
    public string? TaskIdSnake { get; init; }

    public string? Model { get; init; }

    /// <summary><c>waiting</c>, <c>queuing</c>, <c>generating</c>, <c>success</c> or <c>fail</c>.</summary>
    public string? State { get; init; }

    public string? Param { get; init; }

    public string? ResultJson { get; init; }

    /// <summary>A string in the docs (<c>""</c> until a failure); kept loose in case a number comes.</summary>
    public JsonElement? FailCode { get; init; }

    public string? FailMsg { get; init; }

    /// <summary>Seen on live answers, not in the docs' table; either name may come.</summary>
    public decimal? ConsumeCredits { get; init; }

    public decimal? CreditsConsumed { get; init; }

    public decimal? RemainedCredits { get; init; }

    public long? CostTime { get; init; }

    public long? CreateTime { get; init; }

    public long? CompleteTime { get; init; }

    public long? UpdateTime { get; init; }

    /// <summary>The task id under whichever name it came.</summary>
    [JsonIgnore]
    public string? Id => TaskId ?? TaskIdSnake;
}

/// <summary>The document inside <see cref="ApikleyRecord.ResultJson"/>; other keys (e.g. watermarked copies) are ignored.</summary>
public sealed record ApikleyResult
{
    public IReadOnlyList<string>? ResultUrls { get; init; }
}

/// <summary>The body of <c>POST /api/v1/common/download-url</c>.</summary>
public sealed record ApikleyDownloadUrlRequest
{
    public required string Url { get; init; }
}

/// <summary>The body of <c>POST /file-upload/api/file-url-upload</c>.</summary>
public sealed record ApikleyUrlUploadRequest
{
    public required string FileUrl { get; init; }

    /// <summary>A folder, without leading or trailing slash.</summary>
    public required string UploadPath { get; init; }

    /// <summary>Same names overwrite each other, so the fleet names each file after its request.</summary>
    public string? FileName { get; init; }
}

/// <summary>The <c>data</c> of an upload; files are deleted after 3 days.</summary>
public sealed record ApikleyUploadedFile
{
    public string? FileId { get; init; }

    public string? FileName { get; init; }

    public string? FileUrl { get; init; }

    public string? DownloadUrl { get; init; }

    public string? ExpiresAt { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ApikleyCreateTaskRequest))]
[JsonSerializable(typeof(ApikleyEnvelope<ApikleyTaskCreated>))]
[JsonSerializable(typeof(ApikleyEnvelope<ApikleyRecord>))]
[JsonSerializable(typeof(ApikleyEnvelope<string>))]
[JsonSerializable(typeof(ApikleyEnvelope<ApikleyUploadedFile>))]
[JsonSerializable(typeof(ApikleyResult))]
[JsonSerializable(typeof(ApikleyDownloadUrlRequest))]
[JsonSerializable(typeof(ApikleyUrlUploadRequest))]
public sealed partial class ApikleyJsonContext : JsonSerializerContext;
