using System.Net;
using System.Text.Json;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.UniAll;

/// <summary>UniAll's API with every failure classified: whether a submission may have been accepted, and its typed code.</summary>
public sealed class UniAllClient(IUniAllApi api)
{
    private const string Provider = ProviderNames.UniAll;

    /// <summary>Submits a task. Every failure says whether UniAll may have accepted it.</summary>
    public async Task<UniAllTask> SubmitAsync(UniAllSubmitRequest request, string apiKey, string clientReference, CancellationToken cancellationToken)
    {
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.SubmitAsync(request, apiKey, clientReference, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (response.IsSuccess)
        {
            return response.Content?.TaskId is { Length: > 0 }
                ? response.Content
                : throw new ProviderCallException(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
                    "uniall: the submit answer carried no task_id");
        }

        throw SubmitFailure(response);
    }

    /// <summary>Reads a task's state.</summary>
    public async Task<UniAllTask> GetTaskAsync(string taskId, string apiKey, CancellationToken cancellationToken)
    {
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.GetTaskAsync(taskId, apiKey, cancellationToken), cancellationToken).ConfigureAwait(false);
        var envelope = response.Body(UniAllJsonContext.Default.UniAllEnvelope);
        if (response.Status == HttpStatusCode.NotFound)
        {
            throw new ProviderCallException(ProviderFailureKind.NotFound, GenerationErrorCodes.ProviderFailed,
                $"uniall: task {taskId} does not exist ({envelope?.Message})", envelope?.Code ?? "404");
        }

        if (response.IsSuccess && envelope?.Data is { } task)
        {
            return task;
        }

        throw ProviderFailures.FromStatus(Provider, response.Status, response.Headers, envelope?.Message)
            ?? new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable,
                $"uniall: query answered {(int)response.Status} {envelope?.Code} {envelope?.Message}".TrimEnd(),
                envelope?.Code ?? ProviderResponses.Digits(response.Status));
    }

    private static ProviderCallException SubmitFailure(ProviderResponse<UniAllTask> response)
    {
        var body = response.ErrorBody(UniAllJsonContext.Default.UniAllErrorBody);
        var detail = body?.Error?.Message;
        var providerCode = body?.Error?.Code is { ValueKind: JsonValueKind.String or JsonValueKind.Number } code
            ? code.ToString()
            : ProviderResponses.Digits(response.Status);
        var generic = ProviderFailures.FromStatus(Provider, response.Status, response.Headers, detail);
        if (generic is not null)
        {
            return generic;
        }

        var (errorCode, what) = response.Status switch
        {
            HttpStatusCode.PaymentRequired => (GenerationErrorCodes.InsufficientCredits, "insufficient quota"),
            HttpStatusCode.Forbidden when providerCode.Contains("quota", StringComparison.OrdinalIgnoreCase)
                => (GenerationErrorCodes.InsufficientCredits, "insufficient quota"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                => (GenerationErrorCodes.ProviderUnavailable, "the account's API key was refused"),
            _ => (GenerationErrorCodes.Validation, "request rejected"),
        };
        return new ProviderCallException(ProviderFailureKind.Rejected, errorCode,
            $"uniall: {what} ({(int)response.Status}{(detail is null ? "" : ": " + detail)})", providerCode);
    }
}
