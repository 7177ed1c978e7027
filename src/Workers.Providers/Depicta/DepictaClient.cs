using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Depicta;

/// <summary>Depicta's API with every failure classified: whether a story job may exist, and its typed code.</summary>
public sealed class DepictaClient(IDepictaApi api)
{
    private const string Provider = ProviderNames.Depicta;

    /// <summary>Generation answers name the job in this header too (https://depicta.ai/docs/api/).</summary>
    public const string JobIdHeader = "X-Depicta-Job-Id";

    /// <summary>Submits a story. Every failure says whether Depicta may have created the job.</summary>
    public async Task<DepictaSubmitAnswer> SubmitStoryAsync(DepictaStoryRequest request, string apiKey, string clientReference,
        CancellationToken cancellationToken)
    {
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.SubmitStoryAsync(request, apiKey, clientReference, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw DepictaErrors.FromSubmit(response.Status, response.Headers, response.ErrorBody(DepictaJsonContext.Default.DepictaErrorBody));
        }

        var answer = response.Body(DepictaJsonContext.Default.DepictaSubmitAnswer);
        if (answer?.JobId is { Length: > 0 })
        {
            return answer;
        }

        // The job exists but the body did not say which: the header still may.
        return response.Headers.TryGetValues(JobIdHeader, out var ids) && ids.FirstOrDefault() is { Length: > 0 } id
            ? (answer ?? new DepictaSubmitAnswer()) with { JobId = id }
            : throw new ProviderCallException(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
                $"depicta: the submit answer ({(int)response.Status}) carried no job_id");
    }

    /// <summary>
    /// Reads a job, at <paramref name="pollPath"/> (its <c>poll_url</c> relative to the base URL, see <see cref="DepictaPollUrl"/>)
    /// when given, else at <c>/v1/jobs/{jobId}</c>.
    /// </summary>
    public async Task<DepictaJob> GetJobAsync(string jobId, string? pollPath, string apiKey, CancellationToken cancellationToken)
    {
        var response = await ProviderResponses.SendAsync(Provider,
            () => pollPath is null ? api.GetJobAsync(jobId, apiKey, cancellationToken) : api.GetJobAtAsync(pollPath, apiKey, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess && response.Content is { } job)
        {
            return job;
        }

        throw Failure(response, $"job {jobId}", notFoundIsLost: true);
    }

    /// <summary>The key's <paramref name="limit"/> most recent jobs, newest first.</summary>
    public async Task<IReadOnlyList<DepictaJob>> ListJobsAsync(int limit, string apiKey, CancellationToken cancellationToken)
    {
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.ListJobsAsync(limit, apiKey, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess && response.Content?.Jobs is { } jobs)
        {
            return jobs;
        }

        throw Failure(response, "the job list", notFoundIsLost: false);
    }

    private static ProviderCallException Failure<T>(ProviderResponse<T> response, string what, bool notFoundIsLost)
        where T : class
    {
        if (response.IsSuccess)
        {
            return new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable,
                $"depicta: {what}: the answer ({(int)response.Status}) could not be read", ProviderResponses.Digits(response.Status));
        }

        var body = response.ErrorBody(DepictaJsonContext.Default.DepictaErrorBody);
        return DepictaErrors.FromRead(response.Status, response.Headers, body, what, notFoundIsLost);
    }
}
