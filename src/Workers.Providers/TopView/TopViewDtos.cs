using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workers.Providers.TopView;

/// <summary>
/// TopView's envelope <c>{ code, message, result }</c> (https://docs.topview.ai/reference/error-response): <c>code</c> is a
/// string, <c>"200"</c> on success, and business errors arrive with HTTP 200, so the code decides, not the status.
/// </summary>
public sealed record TopViewEnvelope<T>
{
    [JsonConverter(typeof(TopViewCodeConverter))]
    public string? Code { get; init; }

    public string? Message { get; init; }

    public T? Result { get; init; }
}

/// <summary>The body of <c>POST /v1/common_task/storyboard/task/submit</c> (https://docs.topview.ai/reference/storyboard-submit-task).</summary>
public sealed record TopViewStoryboardRequest
{
    public required string Story { get; init; }

    public required string Model { get; init; }

    public string? AspectRatio { get; init; }

    public required string Resolution { get; init; }

    public string? GridMode { get; init; }

    /// <summary>A string on the wire, although it holds a number.</summary>
    public string? GridSize { get; init; }

    public int? TargetDurationSeconds { get; init; }

    public IReadOnlyList<string>? ReferenceFileIds { get; init; }

    public string? BoardId { get; init; }

    public string? NoticeUrl { get; init; }
}

/// <summary>The body of <c>POST /v2/common_task/image2video/task/submit</c> (https://docs.topview.ai/reference/image_to_video_v2_submit_task).</summary>
public sealed record TopViewVideoRequest
{
    public required string Model { get; init; }

    public string? FirstFrameFileId { get; init; }

    public string? EndFrameFileId { get; init; }

    public IReadOnlyList<string>? ReferenceImageFileIds { get; init; }

    public string? Prompt { get; init; }

    public string? AspectRatio { get; init; }

    public int? Resolution { get; init; }

    public int? Duration { get; init; }

    /// <summary><c>on</c> or <c>off</c>.</summary>
    public string? Sound { get; init; }

    public int? GeneratingCount { get; init; }

    public string? BoardId { get; init; }

    public string? NoticeUrl { get; init; }
}

/// <summary>The <c>result</c> of a submit: the task id, with <c>status</c> only an acceptance flag.</summary>
public sealed record TopViewSubmitResult
{
    public string? TaskId { get; init; }

    public string? Status { get; init; }

    public string? ErrorMsg { get; init; }

    public string? SubTaskId { get; init; }

    /// <summary>An array of ids in the docs; read as whatever JSON arrives.</summary>
    public JsonElement? BoardTaskIds { get; init; }

    public string? BoardId { get; init; }

    /// <summary>Present when the submission set <c>noticeUrl</c>; the callback's <c>uuid</c>.</summary>
    public string? NoticeUuid { get; init; }
}

/// <summary>The <c>result</c> of the storyboard query (https://docs.topview.ai/reference/storyboard-query-task).</summary>
public sealed record TopViewStoryboardTask
{
    public string? TaskId { get; init; }

    public string? Status { get; init; }

    public string? ErrorMsg { get; init; }

    public decimal? CostCredit { get; init; }

    public string? BoardId { get; init; }

    public IReadOnlyList<TopViewResultFile>? Images { get; init; }
}

/// <summary>The <c>result</c> of the image-to-video V2 query (https://docs.topview.ai/reference/image_to_video_v2_query_task).</summary>
public sealed record TopViewVideoTask
{
    public string? TaskId { get; init; }

    public string? Status { get; init; }

    public string? ErrorMsg { get; init; }

    public decimal? CostCredit { get; init; }

    public string? BoardId { get; init; }

    public string? BoardTaskId { get; init; }

    public IReadOnlyList<TopViewResultFile>? Videos { get; init; }
}

/// <summary>One image or video of a task's result, with its own status (a set can fail in part).</summary>
public sealed record TopViewResultFile
{
    public string? Status { get; init; }

    public string? FileId { get; init; }

    public string? FilePath { get; init; }

    public int? Width { get; init; }

    public int? Height { get; init; }

    public decimal? Duration { get; init; }

    public string? ErrorMsg { get; init; }

    public string? BoardTaskId { get; init; }
}

/// <summary>The <c>result</c> of <c>GET /v1/upload/credential</c>: where to PUT the bytes, and the file id they become.</summary>
public sealed record TopViewUploadCredential
{
    public string? FileId { get; init; }

    public string? UploadUrl { get; init; }

    public string? FileName { get; init; }
}

/// <summary>What TopView POSTs to <c>noticeUrl</c> when a task ends (https://docs.topview.ai/reference/post_notice-notice-url-check).</summary>
public sealed record TopViewNotice
{
    public string? Uuid { get; init; }

    public string? BizType { get; init; }

    public string? TaskId { get; init; }

    public string? Status { get; init; }

    public string? ErrorMsg { get; init; }

    /// <summary>The query result, as an object or as a JSON-encoded string; only a hint, the poll decides.</summary>
    public JsonElement? Result { get; init; }
}

/// <summary>The acknowledgement TopView expects from a <c>noticeUrl</c> receiver.</summary>
public sealed record TopViewNoticeAck
{
    public required string Code { get; init; }

    public required string Message { get; init; }

    public required TopViewNoticeAckResult Result { get; init; }
}

/// <summary>The inner <c>result</c> of the acknowledgement: which notice, for which uid, and the verdict.</summary>
public sealed record TopViewNoticeAckResult
{
    public required string Uuid { get; init; }

    public required string TopviewUid { get; init; }

    /// <summary><c>success</c> or <c>fail</c>.</summary>
    public required string Result { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(TopViewStoryboardRequest))]
[JsonSerializable(typeof(TopViewVideoRequest))]
[JsonSerializable(typeof(TopViewEnvelope<TopViewSubmitResult>))]
[JsonSerializable(typeof(TopViewEnvelope<TopViewStoryboardTask>))]
[JsonSerializable(typeof(TopViewEnvelope<TopViewVideoTask>))]
[JsonSerializable(typeof(TopViewEnvelope<TopViewUploadCredential>))]
[JsonSerializable(typeof(TopViewEnvelope<JsonElement>))]
[JsonSerializable(typeof(TopViewNotice))]
[JsonSerializable(typeof(TopViewNoticeAck))]
public sealed partial class TopViewJsonContext : JsonSerializerContext;
