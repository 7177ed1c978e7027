using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.TopView;

/// <summary>TopView's adapter for <see cref="GenerateVideo"/>: image-to-video V2, one to four videos per task.</summary>
public sealed class TopViewVideoProvider(
    TopViewClient client,
    TopViewReferenceUploader uploader,
    IOptionsMonitor<TopViewOptions> options,
    IOptionsMonitor<ReferenceUrlOptions> urls) : IGenerationProvider<GenerateVideo>
{
    public string Provider => ProviderNames.TopView;

    public string DefaultAccount => options.CurrentValue.DefaultAccount;

    public SubmitRetryOptions SubmitRetry => options.CurrentValue.SubmitRetry;

    public IReadOnlyList<string> Validate(GenerateVideo command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var settings = options.CurrentValue;
        var errors = TopViewVideoRules.Validate(command, urls.CurrentValue, settings.MaxPromptLength, settings.MaxBoardIdLength).ToList();
        TopViewSubmissions.ValidateAccount(command.Account, settings, errors);
        return errors;
    }

    public Task PrepareAsync(GenerateVideo command, string account, IPreparedInputs prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return uploader.UploadAllAsync(References(command), options.CurrentValue.Account(account), prepared, cancellationToken);
    }

    public async Task<ProviderSubmission> SubmitAsync(GenerateVideo command, SubmitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var request = ToRequest(command, url => TopViewSubmissions.FileId(context.Prepared, Field(command, url), url), context.CallbackUrl);
        var result = await client.SubmitVideoAsync(request, options.CurrentValue.Account(context.Account), context.RequestId, cancellationToken)
            .ConfigureAwait(false);
        return TopViewSubmissions.ToSubmission(result);
    }

    /// <summary>TopView reports <c>costCredit</c> on every query.</summary>
    public CreditCost? EstimatePricePerResult(GenerateVideo command) => null;

    /// <summary>The wire request, with each image URL replaced by its uploaded file id; the model by its display name.</summary>
    public static TopViewVideoRequest ToRequest(GenerateVideo command, Func<string, string> fileIdOf, Uri? noticeUrl)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(fileIdOf);
        return new TopViewVideoRequest
        {
            Model = TopViewVideoModels.Find(command.Model)?.DisplayName ?? command.Model!,
            FirstFrameFileId = command.FirstFrameUrl is { } first ? fileIdOf(first) : null,
            EndFrameFileId = command.EndFrameUrl is { } end ? fileIdOf(end) : null,
            ReferenceImageFileIds = command.ReferenceImageUrls is { Count: > 0 } references ? [.. references.Select(fileIdOf)] : null,
            Prompt = command.Prompt,
            AspectRatio = command.AspectRatio,
            Resolution = command.Resolution,
            Duration = command.DurationSeconds,
            Sound = command.Sound switch { true => "on", false => "off", null => null },
            GeneratingCount = command.Count,
            BoardId = command.BoardId,
            NoticeUrl = noticeUrl?.AbsoluteUri,
        };
    }

    private static IEnumerable<(string Field, string Url)> References(GenerateVideo command)
    {
        if (command.FirstFrameUrl is { } first)
        {
            yield return (nameof(command.FirstFrameUrl), first);
        }

        if (command.EndFrameUrl is { } end)
        {
            yield return (nameof(command.EndFrameUrl), end);
        }

        foreach (var (url, i) in (command.ReferenceImageUrls ?? []).Select((url, i) => (url, i)))
        {
            yield return ($"ReferenceImageUrls[{i}]", url);
        }
    }

    private static string Field(GenerateVideo command, string url) =>
        References(command).FirstOrDefault(r => r.Url == url).Field ?? url;
}
