using Refit;

namespace Workers.Providers.UniAll;

/// <summary>UniAll's async image API (seed 004, <c>/v1/images/tasks</c>).</summary>
public interface IUniAllApi
{
    /// <summary>Submit answers the bare task object; errors carry an OpenAI-style <c>{ "error": {…} }</c>.</summary>
    [Post("/v1/images/tasks")]
    Task<IApiResponse<UniAllTask>> SubmitAsync([Body] UniAllSubmitRequest request, [Authorize("Bearer")] string apiKey,
        [Header("X-Client-Reference")] string clientReference, CancellationToken cancellationToken);

    /// <summary>Query answers the task inside <c>{ code, message, data }</c>, also on a 404.</summary>
    [Get("/v1/images/tasks/{taskId}")]
    Task<IApiResponse<UniAllEnvelope>> GetTaskAsync(string taskId, [Authorize("Bearer")] string apiKey, CancellationToken cancellationToken);
}
