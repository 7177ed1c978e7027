using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.TopView;

/// <summary>The submit answer's <c>result</c> (docs/PROVIDERS.md §1.2); its <c>status</c> is the acceptance flag, not the run state.</summary>
internal sealed record TopViewSubmitResult(
    [property: JsonPropertyName("taskId")] string TaskId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("errorMsg")] string? ErrorMsg,
    [property: JsonPropertyName("subTaskId")] string? SubTaskId,
    [property: JsonPropertyName("boardTaskIds")] IReadOnlyList<string>? BoardTaskIds,
    [property: JsonPropertyName("boardId")] string? BoardId,
    [property: JsonPropertyName("noticeUuid"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NoticeUuid);

/// <summary>The storyboard query's <c>result</c> (docs/PROVIDERS.md §1.3).</summary>
internal sealed record TopViewStoryboardResult(
    [property: JsonPropertyName("taskId")] string TaskId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("errorMsg")] string? ErrorMsg,
    [property: JsonPropertyName("costCredit")] decimal CostCredit,
    [property: JsonPropertyName("boardId")] string? BoardId,
    [property: JsonPropertyName("images")] IReadOnlyList<TopViewImageItem> Images);

/// <summary>One storyboard image; like a video item, a failed one would have no fileId or filePath.</summary>
internal sealed record TopViewImageItem(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("fileId")] string? FileId,
    [property: JsonPropertyName("filePath")] string? FilePath,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("errorMsg")] string? ErrorMsg,
    [property: JsonPropertyName("boardTaskId")] string? BoardTaskId);

/// <summary>The image-to-video V2 query's <c>result</c> (docs/PROVIDERS.md §2.3): one <c>videos[]</c> item per generatingCount.</summary>
internal sealed record TopViewVideoResult(
    [property: JsonPropertyName("taskId")] string TaskId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("errorMsg")] string? ErrorMsg,
    [property: JsonPropertyName("costCredit")] decimal CostCredit,
    [property: JsonPropertyName("boardId")] string? BoardId,
    [property: JsonPropertyName("boardTaskId")] string? BoardTaskId,
    [property: JsonPropertyName("videos")] IReadOnlyList<TopViewVideoItem> Videos);

/// <summary>
/// One video; <c>fileId</c> and <c>duration</c> are the [ASSUMPTION] extras of docs/PROVIDERS.md §2.3. A failed item (a scripted
/// partial failure) has status <c>fail</c>, its errorMsg, and no fileId or filePath: there is no file.
/// </summary>
internal sealed record TopViewVideoItem(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("fileId")] string? FileId,
    [property: JsonPropertyName("filePath")] string? FilePath,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("duration")] int Duration,
    [property: JsonPropertyName("errorMsg")] string? ErrorMsg);

/// <summary>The <c>noticeUrl</c> POST body (docs/PROVIDERS.md §0.3); <c>result</c> is the query result object.</summary>
internal sealed record TopViewNotice(
    [property: JsonPropertyName("uuid")] string Uuid,
    [property: JsonPropertyName("bizType")] string BizType,
    [property: JsonPropertyName("taskId")] string TaskId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("errorMsg")] string? ErrorMsg,
    [property: JsonPropertyName("result")] object Result);

/// <summary><c>GET /user/credit/detail</c>'s <c>result</c>; <c>expiredTime</c> in epoch milliseconds is an [ASSUMPTION].</summary>
internal sealed record TopViewCreditDetail(
    [property: JsonPropertyName("remainCredit")] decimal RemainCredit,
    [property: JsonPropertyName("expiredTime")] long ExpiredTime);

/// <summary><c>GET /v1/upload/credential</c>'s <c>result</c> (docs/PROVIDERS.md §0.2).</summary>
internal sealed record TopViewUploadCredential(
    [property: JsonPropertyName("fileId")] string FileId,
    [property: JsonPropertyName("uploadUrl")] string UploadUrl,
    [property: JsonPropertyName("fileName")] string FileName,
    [property: JsonPropertyName("accelerateUrl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AccelerateUrl);
