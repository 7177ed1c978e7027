using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.UniAll;

/// <summary>Typed client of UniAll's async image API (<c>/v1/images/tasks</c>).</summary>
public sealed class UniAllClient(HttpClient http)
{
    private const string Provider = ProviderNames.UniAll;

    /// <summary>Submits a task. Every failure says whether UniAll may have accepted it.</summary>
    public async Task<UniAllTask> SubmitAsync(UniAllSubmitRequest request, string apiKey, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "v1/images/tasks")
        {
            Content = JsonContent.Create(request, UniAllJsonContext.Default.UniAllSubmitRequest),
        };
        using var response = await SendAsync(message, apiKey, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            var task = await ReadAsync(response, UniAllJsonContext.Default.UniAllTask, cancellationToken).ConfigureAwait(false);
            return task?.TaskId is { Length: > 0 }
                ? task
                : throw new ProviderCallException(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
                    "uniall: the submit answer carried no task_id");
        }

        throw await SubmitFailureAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a task's state.</summary>
    public async Task<UniAllTask> GetTaskAsync(string taskId, string apiKey, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, $"v1/images/tasks/{Uri.EscapeDataString(taskId)}");
        using var response = await SendAsync(message, apiKey, cancellationToken).ConfigureAwait(false);
        var envelope = await ReadAsync(response, UniAllJsonContext.Default.UniAllEnvelope, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ProviderCallException(ProviderFailureKind.NotFound, GenerationErrorCodes.ProviderFailed,
                $"uniall: task {taskId} does not exist ({envelope?.Message})", envelope?.Code ?? "404");
        }

        if (response.IsSuccessStatusCode && envelope?.Data is { } task)
        {
            return task;
        }

        throw ProviderFailures.FromStatus(Provider, response, envelope?.Message)
            ?? new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable,
                $"uniall: query answered {(int)response.StatusCode} {envelope?.Code} {envelope?.Message}".TrimEnd(),
                envelope?.Code ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, string apiKey, CancellationToken cancellationToken)
    {
        message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        try
        {
            return await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ProviderFailures.IsTransport(ex))
        {
            throw ProviderFailures.FromTransport(Provider, ex);
        }
    }

    private static async Task<ProviderCallException> SubmitFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadAsync(response, UniAllJsonContext.Default.UniAllErrorBody, cancellationToken).ConfigureAwait(false);
        var detail = body?.Error?.Message;
        var providerCode = body?.Error?.Code is { ValueKind: JsonValueKind.String or JsonValueKind.Number } code
            ? code.ToString()
            : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var generic = ProviderFailures.FromStatus(Provider, response, detail);
        if (generic is not null)
        {
            return generic;
        }

        var (errorCode, what) = response.StatusCode switch
        {
            HttpStatusCode.PaymentRequired => (GenerationErrorCodes.InsufficientCredits, "insufficient quota"),
            HttpStatusCode.Forbidden when providerCode.Contains("quota", StringComparison.OrdinalIgnoreCase)
                => (GenerationErrorCodes.InsufficientCredits, "insufficient quota"),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                => (GenerationErrorCodes.ProviderUnavailable, "the account's API key was refused"),
            _ => (GenerationErrorCodes.Validation, "request rejected"),
        };
        return new ProviderCallException(ProviderFailureKind.Rejected, errorCode,
            $"uniall: {what} ({(int)response.StatusCode}{(detail is null ? "" : ": " + detail)})", providerCode);
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo,
        CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
