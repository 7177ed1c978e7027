using System.Text.Json;
using Refit;

namespace Workers.Providers.TopView;

/// <summary>
/// TopView's storyboard (seed 000), image-to-video V2 (seed 003) and upload APIs. Every call carries the account's
/// <c>Topview-Uid</c> and <c>Authorization: Bearer</c> (https://docs.topview.ai/reference/authentication-1); the upload's
/// PUT goes to a presigned URL elsewhere and is not here.
/// </summary>
public interface ITopViewApi
{
    [Post("/v1/common_task/storyboard/task/submit")]
    Task<IApiResponse<TopViewEnvelope<TopViewSubmitResult>>> SubmitStoryboardAsync([Body] TopViewStoryboardRequest request,
        [Header("Topview-Uid")] string uid, [Authorize("Bearer")] string apiKey, [Header("X-Client-Reference")] string clientReference,
        CancellationToken cancellationToken);

    /// <summary><paramref name="needCloudFrontUrl"/> is <c>true</c> or <c>false</c> as text: the API reads a JSON-style boolean.</summary>
    [Get("/v1/common_task/storyboard/task/query")]
    Task<IApiResponse<TopViewEnvelope<TopViewStoryboardTask>>> GetStoryboardTaskAsync(string taskId, string needCloudFrontUrl,
        [Header("Topview-Uid")] string uid, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);

    [Post("/v2/common_task/image2video/task/submit")]
    Task<IApiResponse<TopViewEnvelope<TopViewSubmitResult>>> SubmitVideoAsync([Body] TopViewVideoRequest request,
        [Header("Topview-Uid")] string uid, [Authorize("Bearer")] string apiKey, [Header("X-Client-Reference")] string clientReference,
        CancellationToken cancellationToken);

    [Get("/v2/common_task/image2video/task/query")]
    Task<IApiResponse<TopViewEnvelope<TopViewVideoTask>>> GetVideoTaskAsync(string taskId, string needCloudFrontUrl,
        [Header("Topview-Uid")] string uid, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);

    /// <summary>Step 1 of an upload: a file id and a presigned PUT URL for a file of <paramref name="format"/> (png, jpg, …).</summary>
    [Get("/v1/upload/credential")]
    Task<IApiResponse<TopViewEnvelope<TopViewUploadCredential>>> GetUploadCredentialAsync(string format,
        [Header("Topview-Uid")] string uid, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);

    /// <summary>Step 3 of an upload: <c>result</c> is true once the PUT object is visible.</summary>
    [Get("/v1/upload/check")]
    Task<IApiResponse<TopViewEnvelope<JsonElement>>> CheckUploadAsync(string fileId,
        [Header("Topview-Uid")] string uid, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);
}
