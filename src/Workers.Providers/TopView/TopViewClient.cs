using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.TopView;

/// <summary>TopView's API with every answer turned into a result or a classified <see cref="ProviderCallException"/>.</summary>
public sealed class TopViewClient(ITopViewApi api)
{
    private const string Provider = ProviderNames.TopView;

    /// <summary>Submits a storyboard. Every failure says whether TopView may have accepted it.</summary>
    public async Task<TopViewSubmitResult> SubmitStoryboardAsync(TopViewStoryboardRequest request, TopViewAccount account,
        string clientReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.SubmitStoryboardAsync(request, account.Uid, account.ApiKey, clientReference, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return Submitted(response);
    }

    /// <summary>Submits an image-to-video task. Every failure says whether TopView may have accepted it.</summary>
    public async Task<TopViewSubmitResult> SubmitVideoAsync(TopViewVideoRequest request, TopViewAccount account,
        string clientReference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.SubmitVideoAsync(request, account.Uid, account.ApiKey, clientReference, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return Submitted(response);
    }

    /// <summary>Reads a storyboard task; <paramref name="cloudFront"/> asks for CDN links instead of S3 ones.</summary>
    public async Task<TopViewStoryboardTask> GetStoryboardTaskAsync(string taskId, TopViewAccount account, bool cloudFront,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.GetStoryboardTaskAsync(taskId, Flag(cloudFront), account.Uid, account.ApiKey, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return Read(taskId, response, TopViewJsonContext.Default.TopViewEnvelopeTopViewStoryboardTask);
    }

    /// <summary>Reads an image-to-video task; <paramref name="cloudFront"/> asks for CDN links instead of S3 ones.</summary>
    public async Task<TopViewVideoTask> GetVideoTaskAsync(string taskId, TopViewAccount account, bool cloudFront,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.GetVideoTaskAsync(taskId, Flag(cloudFront), account.Uid, account.ApiKey, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return Read(taskId, response, TopViewJsonContext.Default.TopViewEnvelopeTopViewVideoTask);
    }

    /// <summary>Upload step 1: a file id and the presigned URL to PUT the bytes to.</summary>
    public async Task<TopViewUploadCredential> GetUploadCredentialAsync(string format, TopViewAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.GetUploadCredentialAsync(format, account.Uid, account.ApiKey, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var envelope = response.Body(TopViewJsonContext.Default.TopViewEnvelopeTopViewUploadCredential);
        if (envelope is { Code: "200", Result: { FileId.Length: > 0, UploadUrl.Length: > 0 } credential })
        {
            return credential;
        }

        throw TopViewFailures.Upload("credential", response.Status, response.Headers, envelope?.Code, envelope?.Message ?? Snippet(response.ErrorContent));
    }

    /// <summary>Upload step 3: whether the PUT object is visible to TopView yet.</summary>
    public async Task<bool> IsUploadVisibleAsync(string fileId, TopViewAccount account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var response = await ProviderResponses.SendAsync(Provider,
            () => api.CheckUploadAsync(fileId, account.Uid, account.ApiKey, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        var envelope = response.Body(TopViewJsonContext.Default.TopViewEnvelopeJsonElement);
        if (envelope?.Code == "200")
        {
            return envelope.Result.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.String => string.Equals(envelope.Result.GetString(), "true", StringComparison.OrdinalIgnoreCase),
                _ => false,
            };
        }

        throw TopViewFailures.Upload("check", response.Status, response.Headers, envelope?.Code, envelope?.Message ?? Snippet(response.ErrorContent));
    }

    private static TopViewSubmitResult Submitted(ProviderResponse<TopViewEnvelope<TopViewSubmitResult>> response)
    {
        var envelope = response.Body(TopViewJsonContext.Default.TopViewEnvelopeTopViewSubmitResult);
        if (envelope?.Code == "200")
        {
            return envelope.Result?.TaskId is { Length: > 0 }
                ? envelope.Result
                : throw new ProviderCallException(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
                    "topview: the submit answer said 200 but carried no taskId", "200");
        }

        throw TopViewFailures.Submit(response.Status, response.Headers, envelope?.Code, envelope?.Message ?? Snippet(response.ErrorContent));
    }

    private static T Read<T>(string taskId, ProviderResponse<TopViewEnvelope<T>> response,
        JsonTypeInfo<TopViewEnvelope<T>> typeInfo)
        where T : class
    {
        var envelope = response.Body(typeInfo);
        if (envelope is { Code: "200", Result: { } task })
        {
            return task;
        }

        throw TopViewFailures.Query(taskId, response.Status, response.Headers, envelope?.Code, envelope?.Message ?? Snippet(response.ErrorContent));
    }

    private static string Flag(bool value) => value ? "true" : "false";

    /// <summary>The start of a body that was not TopView's envelope (a proxy's page), for the message only.</summary>
    private static string? Snippet(string? body) =>
        string.IsNullOrWhiteSpace(body) ? null : body.Length <= 200 ? body : string.Concat(body.AsSpan(0, 200), "…");
}
