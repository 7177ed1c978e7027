using System.Globalization;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.TopView;

/// <summary>TopView's adapter for <see cref="GenerateStoryboard"/>: a story in, one grid preview image out.</summary>
public sealed class TopViewStoryboardProvider(
    TopViewClient client,
    TopViewReferenceUploader uploader,
    IOptionsMonitor<TopViewOptions> options,
    IOptionsMonitor<ReferenceUrlOptions> urls) : IGenerationProvider<GenerateStoryboard>
{
    public string Provider => ProviderNames.TopView;

    public string DefaultAccount => options.CurrentValue.DefaultAccount;

    public SubmitRetryOptions SubmitRetry => options.CurrentValue.SubmitRetry;

    public IReadOnlyList<string> Validate(GenerateStoryboard command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var settings = options.CurrentValue;
        var errors = TopViewStoryboardRules.Validate(command, urls.CurrentValue, settings.MaxBoardIdLength).ToList();
        TopViewSubmissions.ValidateAccount(command.Account, settings, errors);
        return errors;
    }

    public Task PrepareAsync(GenerateStoryboard command, string account, IPreparedInputs prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        return uploader.UploadAllAsync(References(command), options.CurrentValue.Account(account), prepared, cancellationToken);
    }

    public async Task<ProviderSubmission> SubmitAsync(GenerateStoryboard command, SubmitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var request = ToRequest(command, References(command).Select(r => TopViewSubmissions.FileId(context.Prepared, r.Field, r.Url)).ToList(),
            context.CallbackUrl);
        var result = await client.SubmitStoryboardAsync(request, options.CurrentValue.Account(context.Account), context.RequestId, cancellationToken)
            .ConfigureAwait(false);
        return TopViewSubmissions.ToSubmission(result);
    }

    /// <summary>TopView reports <c>costCredit</c> on every query.</summary>
    public CreditCost? EstimatePricePerResult(GenerateStoryboard command) => null;

    /// <summary>The wire request; the model goes by its display name, as TopView's own clients send it.</summary>
    public static TopViewStoryboardRequest ToRequest(GenerateStoryboard command, IReadOnlyList<string> referenceFileIds, Uri? noticeUrl)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(referenceFileIds);
        return new TopViewStoryboardRequest
        {
            Story = command.Story!,
            Model = TopViewStoryboardModels.Find(command.Model)?.DisplayName ?? command.Model!,
            AspectRatio = command.AspectRatio,
            Resolution = command.Resolution!,
            GridMode = command.GridMode,
            GridSize = command.GridSize?.ToString(CultureInfo.InvariantCulture),
            TargetDurationSeconds = command.TargetDurationSeconds,
            ReferenceFileIds = referenceFileIds.Count > 0 ? referenceFileIds : null,
            BoardId = command.BoardId,
            NoticeUrl = noticeUrl?.AbsoluteUri,
        };
    }

    private static IEnumerable<(string Field, string Url)> References(GenerateStoryboard command) =>
        (command.ReferenceImageUrls ?? []).Select((url, i) => ($"ReferenceImageUrls[{i}]", url));
}
