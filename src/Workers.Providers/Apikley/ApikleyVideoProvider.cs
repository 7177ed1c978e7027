using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Apikley;

/// <summary>Apikley's adapter for <see cref="GenerateVideo"/> (<c>sora-2-pro-storyboard</c>).</summary>
public sealed partial class ApikleyVideoProvider(
    ApikleyClient client,
    IOptionsMonitor<ApikleyOptions> options,
    IOptionsMonitor<ReferenceUrlOptions> urls,
    PublicAddressGuard guard) : IGenerationProvider<GenerateVideo>
{
    /// <summary>The <see cref="IPreparedInputs"/> key of the uploaded first frame's URL.</summary>
    public const string FirstFramePreparedKey = "apikley:first-frame";

    /// <summary>The Apikley folder the fleet's uploads go to.</summary>
    public const string UploadPath = "workers";

    public string Provider => ProviderNames.Apikley;

    public string DefaultAccount => options.CurrentValue.DefaultAccount;

    public SubmitRetryOptions SubmitRetry => options.CurrentValue.SubmitRetry;

    public IReadOnlyList<string> Validate(GenerateVideo command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var settings = options.CurrentValue;
        var errors = ApikleyVideoRules.Validate(command, settings.MaxSceneLength, urls.CurrentValue).ToList();
        if (command.Account is { } account && !settings.Accounts.ContainsKey(account))
        {
            errors.Add($"Account '{account}' is not configured for apikley.");
        }

        return errors;
    }

    /// <summary>
    /// Apikley fetches the first frame itself, either way: so it must resolve to public addresses only, checked before
    /// anything is sent. With <see cref="ApikleyOptions.UploadReferences"/>, it is then copied into Apikley's file store once.
    /// </summary>
    public async Task PrepareAsync(GenerateVideo command, string account, IPreparedInputs prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(prepared);
        var settings = options.CurrentValue;
        if (command.FirstFrameUrl is not { } url || prepared.Find(FirstFramePreparedKey) is not null)
        {
            return;
        }

        await guard.CheckReferenceAsync(nameof(command.FirstFrameUrl), url, cancellationToken).ConfigureAwait(false);
        if (!settings.UploadReferences)
        {
            return;
        }

        var request = new ApikleyUrlUploadRequest { FileUrl = url, UploadPath = UploadPath, FileName = UploadFileName(command.RequestId, url) };
        var file = await client.UploadFromUrlAsync(request, settings.Accounts[account].ApiKey, cancellationToken).ConfigureAwait(false);
        // Sora's image_urls takes a URL, not a file id; the docs point at downloadUrl first.
        var uploaded = file.DownloadUrl is { Length: > 0 } download ? download : file.FileUrl!;
        await prepared.SaveAsync(FirstFramePreparedKey, uploaded, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ProviderSubmission> SubmitAsync(GenerateVideo command, SubmitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var key = options.CurrentValue.Accounts[context.Account].ApiKey;
        var firstFrame = context.Prepared.Find(FirstFramePreparedKey) ?? command.FirstFrameUrl;
        var request = ToRequest(command, firstFrame, context.CallbackUrl);
        var taskId = await client.CreateTaskAsync(request, key, context.RequestId, cancellationToken).ConfigureAwait(false);
        return new ProviderSubmission(taskId);
    }

    /// <summary>Apikley reports each task's credits; nothing to estimate.</summary>
    public CreditCost? EstimatePricePerResult(GenerateVideo command) => null;

    /// <summary>The wire request of a valid command; <paramref name="firstFrameUrl"/> is the original or the uploaded copy.</summary>
    public static ApikleyCreateTaskRequest ToRequest(GenerateVideo command, string? firstFrameUrl, Uri? callbackUrl)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new ApikleyCreateTaskRequest
        {
            Model = ApikleyModels.Sora2ProStoryboard,
            CallBackUrl = callbackUrl?.AbsoluteUri,
            Input = new ApikleyInput
            {
                Shots = [.. (command.Shots ?? []).Select(s => new ApikleyShot { Scene = s.Prompt!, Duration = s.DurationSeconds!.Value })],
                NFrames = ApikleyVideoRules.DurationOf(command).ToString(CultureInfo.InvariantCulture),
                ImageUrls = firstFrameUrl is null ? null : [firstFrameUrl],
                AspectRatio = ApikleyVideoRules.AspectRatioOf(command),
            },
        };
    }

    /// <summary>
    /// Uploads with the same name overwrite each other, so each request gets its own: its id when it is a plain file
    /// name, else a hash of it, plus the image's extension.
    /// </summary>
    public static string UploadFileName(string requestId, string url)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        var stem = SafeName().IsMatch(requestId)
            ? requestId
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)))[..32];
        var extension = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Path.GetExtension(uri.AbsolutePath) : "";
        return SafeExtension().IsMatch(extension) ? stem + extension.ToLowerInvariant() : stem;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex SafeName();

    [GeneratedRegex(@"^\.[A-Za-z0-9]{1,5}$")]
    private static partial Regex SafeExtension();
}
