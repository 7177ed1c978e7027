using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Apikley;

/// <summary>Apikley's API with every failure classified (<see cref="ApikleyErrors"/>): whether a task may exist, and its typed code.</summary>
public sealed class ApikleyClient(IApikleyApi api)
{
    private const string Provider = ProviderNames.Apikley;
    private const int Ok = 200;

    /// <summary>Creates a task and returns its id. Every failure says whether Apikley may have accepted it.</summary>
    public async Task<string> CreateTaskAsync(ApikleyCreateTaskRequest request, string apiKey, string clientReference,
        CancellationToken cancellationToken)
    {
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.CreateTaskAsync(request, apiKey, clientReference, cancellationToken), cancellationToken).ConfigureAwait(false);
        var envelope = response.Body(ApikleyJsonContext.Default.ApikleyEnvelopeApikleyTaskCreated);
        if (response.IsSuccess && envelope?.Code == Ok)
        {
            return envelope.Data?.TaskId is { Length: > 0 } taskId
                ? taskId
                : throw new ProviderCallException(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
                    "apikley: createTask answered success without a taskId", "200");
        }

        throw ApikleyErrors.Classify("createTask", response.Status, response.Headers, envelope?.Code, envelope?.Text);
    }

    /// <summary>Reads a task. "recordInfo is null" (unknown or not yet listed) is <see cref="ProviderFailureKind.NotFound"/>.</summary>
    public async Task<ApikleyRecord> GetRecordAsync(string taskId, string apiKey, CancellationToken cancellationToken)
    {
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.GetRecordAsync(taskId, apiKey, cancellationToken), cancellationToken).ConfigureAwait(false);
        var envelope = response.Body(ApikleyJsonContext.Default.ApikleyEnvelopeApikleyRecord);
        if (response.IsSuccess && envelope is { Code: Ok, Data: { } record })
        {
            return record;
        }

        if (envelope?.Code is 404 || (envelope?.Code is 422 && IsRecordNull(envelope)))
        {
            throw new ProviderCallException(ProviderFailureKind.NotFound, GenerationErrorCodes.ProviderFailed,
                $"apikley: task {taskId} is not known ({envelope.Text})",
                envelope.Code.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        throw ApikleyErrors.Classify("recordInfo", response.Status, response.Headers, envelope?.Code, envelope?.Text);
    }

    /// <summary>A fresh temporary link (20 min) to a file Apikley generated.</summary>
    public async Task<string> GetDownloadUrlAsync(string url, string apiKey, CancellationToken cancellationToken)
    {
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.GetDownloadUrlAsync(new ApikleyDownloadUrlRequest { Url = url }, apiKey, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var envelope = response.Body(ApikleyJsonContext.Default.ApikleyEnvelopeString);
        if (response.IsSuccess && envelope is { Code: Ok, Data: { Length: > 0 } link })
        {
            return link;
        }

        throw ApikleyErrors.Classify("download-url", response.Status, response.Headers, envelope?.Code, envelope?.Text);
    }

    /// <summary>Has Apikley fetch <paramref name="request"/>'s URL into its file store (free; files live 3 days).</summary>
    public async Task<ApikleyUploadedFile> UploadFromUrlAsync(ApikleyUrlUploadRequest request, string apiKey, CancellationToken cancellationToken)
    {
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.UploadFromUrlAsync(request, apiKey, cancellationToken), cancellationToken).ConfigureAwait(false);
        var envelope = response.Body(ApikleyJsonContext.Default.ApikleyEnvelopeApikleyUploadedFile);
        if (response.IsSuccess && envelope is { Code: Ok, Success: not false, Data: { } file }
            && (file.DownloadUrl is { Length: > 0 } || file.FileUrl is { Length: > 0 }))
        {
            return file;
        }

        throw ApikleyErrors.Classify("file-url-upload", response.Status, response.Headers, envelope?.Code, envelope?.Text);
    }

    private static bool IsRecordNull(ApikleyEnvelope<ApikleyRecord> envelope) =>
        envelope.Data is null && (envelope.Text?.Contains("recordInfo is null", StringComparison.OrdinalIgnoreCase) ?? true);
}
