using Refit;

namespace Workers.Providers.Apikley;

/// <summary>Apikley's Market API (seed 001, https://docs.apikley.ru/Sora-2/sora-2-pro-storyboard) and its file uploads.</summary>
public interface IApikleyApi
{
    [Post("/api/v1/jobs/createTask")]
    Task<IApiResponse<ApikleyEnvelope<ApikleyTaskCreated>>> CreateTaskAsync([Body] ApikleyCreateTaskRequest request,
        [Authorize("Bearer")] string apiKey, [Header("X-Client-Reference")] string clientReference, CancellationToken cancellationToken);

    /// <summary>An unknown (or just-created) task answers <c>{ "code": 422, "msg": "recordInfo is null" }</c>.</summary>
    [Get("/api/v1/jobs/recordInfo")]
    Task<IApiResponse<ApikleyEnvelope<ApikleyRecord>>> GetRecordAsync([AliasAs("taskId")] string taskId,
        [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);

    /// <summary>A temporary (20 min) link to a generated file (https://docs.apikley.ru/common-api/common-api_download-url).</summary>
    [Post("/api/v1/common/download-url")]
    Task<IApiResponse<ApikleyEnvelope<string>>> GetDownloadUrlAsync([Body] ApikleyDownloadUrlRequest request,
        [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);

    /// <summary>Apikley fetches the file itself (30 s limit) (https://docs.apikley.ru/file-upload-api/file-upload-api_upload-file-url).</summary>
    [Post("/file-upload/api/file-url-upload")]
    Task<IApiResponse<ApikleyEnvelope<ApikleyUploadedFile>>> UploadFromUrlAsync([Body] ApikleyUrlUploadRequest request,
        [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);
}
