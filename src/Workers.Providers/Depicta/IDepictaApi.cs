using Refit;

namespace Workers.Providers.Depicta;

/// <summary>Depicta's story API (seed 002; https://depicta.ai/docs/api/). Every call needs <c>Authorization: Bearer dpct_…</c>.</summary>
public interface IDepictaApi
{
    /// <summary>Answers 202 with the job id; errors are <c>{ error, message, details, request_id }</c> with the HTTP status.</summary>
    [Post("/v1/generate/story")]
    Task<IApiResponse<DepictaSubmitAnswer>> SubmitStoryAsync([Body] DepictaStoryRequest request, [Authorize("Bearer")] string apiKey,
        [Header("X-Client-Reference")] string clientReference, CancellationToken cancellationToken);

    /// <summary>The job by id: the API reference's poll path.</summary>
    [Get("/v1/jobs/{jobId}")]
    Task<IApiResponse<DepictaJob>> GetJobAsync(string jobId, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);

    /// <summary>The job at the path its <c>poll_url</c> names, relative to the base URL (slashes kept).</summary>
    [Get("/{**path}")]
    Task<IApiResponse<DepictaJob>> GetJobAtAsync(string path, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);

    /// <summary>The key's most recent jobs, newest first.</summary>
    [Get("/v1/jobs")]
    Task<IApiResponse<DepictaJobList>> ListJobsAsync([Query] int limit, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);
}
