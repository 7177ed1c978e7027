using System.Globalization;

namespace Workers.ProviderSimulator.TopView;

/// <summary>
/// The image-to-video V2 submit rules of seed 003 and the model table of docs/PROVIDERS.md §2.2, checked in a fixed order:
/// an absent required field is 4003, every other broken rule 4000, a JSON type mismatch 4001.
/// </summary>
internal static class TopViewVideoValidator
{
    public const int MaxGeneratingCount = 4;
    public const int MinReferenceImages = 2;
    private const string DefaultAspectRatio = "16:9";
    private static readonly string[] SoundValues = ["on", "off"];

    public static (TopViewOrder? Order, TopViewError? Error) Validate(TopViewJsonBody body, TopViewOptions options)
    {
        var modelName = TopViewCommonFields.Blank(body.String("model"));
        var prompt = body.String("prompt") ?? "";
        var firstFrame = TopViewCommonFields.Blank(body.String("firstFrameFileId"));
        var endFrame = TopViewCommonFields.Blank(body.String("endFrameFileId"));
        var references = body.Strings("referenceImageFileIds");
        var aspectRatio = TopViewCommonFields.Blank(body.String("aspectRatio"));
        var resolution = body.Int32("resolution");
        var duration = body.Int32("duration");
        var sound = TopViewCommonFields.Blank(body.String("sound")) ?? "off";
        var count = body.Int32("generatingCount") ?? 1;
        var (noticeUrl, boardId, commonError) = TopViewCommonFields.Read(body);
        if (body.Error is { } typeError)
        {
            return Fail(typeError);
        }

        if (modelName is null)
        {
            return Fail(TopViewError.Missing("model"));
        }

        if (TopViewVideoModels.Find(modelName) is not { } model)
        {
            return Fail(TopViewError.Invalid($"Unsupported model: {modelName}."));
        }

        if (count is < 1 or > MaxGeneratingCount)
        {
            return Fail(TopViewError.Invalid(Invariant($"generatingCount must be between 1 and {MaxGeneratingCount}.")));
        }

        if (duration is < 1)
        {
            return Fail(TopViewError.Invalid("duration must be >= 1."));
        }

        if (duration is { } seconds && !model.AllowsDuration(seconds))
        {
            return Fail(TopViewError.Invalid($"{model.Code} supports durations: {model.DurationText}."));
        }

        if (ResolutionError(model, resolution) is { } resolutionError)
        {
            return Fail(resolutionError);
        }

        if (AspectRatioError(model, aspectRatio) is { } aspectError)
        {
            return Fail(aspectError);
        }

        if (!SoundValues.Contains(sound, StringComparer.Ordinal))
        {
            return Fail(TopViewError.Invalid("sound must be 'on' or 'off'."));
        }

        if (sound == "on" && !model.Sound)
        {
            return Fail(TopViewError.Invalid($"{model.Code} does not support sound."));
        }

        if (InputError(model, firstFrame, endFrame, references) is { } inputError)
        {
            return Fail(inputError);
        }

        if (commonError is not null)
        {
            return Fail(commonError);
        }

        var shortSide = resolution is { } chosen && model.Resolutions.Count > 0 ? chosen : model.DefaultResolution;
        var ratio = aspectRatio ?? (model.AspectRatios.Count == 0 || model.AspectRatios.Contains(DefaultAspectRatio)
            ? DefaultAspectRatio
            : model.AspectRatios[0]);
        var (width, height) = TopViewCommonFields.SizeFor(ratio, shortSide);
        var durationSeconds = duration ?? model.DefaultDuration;
        var fileIds = references is { Count: > 0 } ? references : new[] { firstFrame, endFrame }.OfType<string>().ToList();
        var creditsPerVideo = CreditsPerVideo(options, model, shortSide, durationSeconds, sound == "on");
        return (new TopViewVideoOrder(model, shortSide, ratio, width, height, durationSeconds, sound == "on", creditsPerVideo)
        {
            ModelCode = model.Code,
            PromptText = prompt,
            Count = count,
            Price = TopViewVideoOrder.CreditsFor(creditsPerVideo, count),
            FileIds = fileIds,
            NoticeUrl = noticeUrl,
            BoardId = boardId,
        }, null);
    }

    /// <summary>
    /// [OBSERVED docs/PROVIDERS.md §2.4] rate × duration, with the assumed sound and resolution factors: one video's share of the
    /// price, which is this × generatingCount.
    /// </summary>
    private static decimal CreditsPerVideo(TopViewOptions options, TopViewVideoModel model, int resolution, int seconds, bool sound)
    {
        var rate = options.VideoCreditsPerSecond.TryGetValue(model.Code, out var configured) ? configured : model.CreditsPerSecond;
        var factor = (sound ? options.SoundCreditFactor : 1m) * (resolution >= 1080 ? options.HighResolutionCreditFactor : 1m);
        return rate * factor * seconds;
    }

    private static TopViewError? ResolutionError(TopViewVideoModel model, int? resolution)
    {
        if (resolution is not { } value)
        {
            return null;
        }

        if (model.Resolutions.Count > 0)
        {
            return model.Resolutions.Contains(value)
                ? null
                : TopViewError.Invalid($"{model.Code} supports resolutions: {string.Join(", ", model.Resolutions)}.");
        }

        return TopViewVideoModels.KnownResolutions.Contains(value)
            ? null
            : TopViewError.Invalid($"resolution supports: {string.Join(", ", TopViewVideoModels.KnownResolutions)}.");
    }

    private static TopViewError? AspectRatioError(TopViewVideoModel model, string? aspectRatio)
    {
        if (aspectRatio is null)
        {
            return null;
        }

        if (model.AspectRatios.Count > 0)
        {
            return model.AspectRatios.Contains(aspectRatio, StringComparer.Ordinal)
                ? null
                : TopViewError.Invalid($"{model.Code} supports aspect ratios: {string.Join(", ", model.AspectRatios)}.");
        }

        return TopViewVideoModels.KnownAspectRatios.Contains(aspectRatio, StringComparer.Ordinal)
            ? null
            : TopViewError.Invalid($"aspectRatio supports: {string.Join(", ", TopViewVideoModels.KnownAspectRatios)}.");
    }

    /// <summary>Exactly one input mode per request, the model's own (docs/PROVIDERS.md §2.2).</summary>
    private static TopViewError? InputError(
        TopViewVideoModel model,
        string? firstFrame,
        string? endFrame,
        IReadOnlyList<string>? references)
    {
        if (references is not null)
        {
            if (references.Any(string.IsNullOrWhiteSpace))
            {
                return TopViewError.Invalid("referenceImageFileIds must not contain empty fileIds.");
            }

            if ((firstFrame is not null && references.Contains(firstFrame)) || (endFrame is not null && references.Contains(endFrame)))
            {
                return TopViewError.Invalid("referenceImageFileIds must not include the first or end frame.");
            }
        }

        if (model.Mode == TopViewInputMode.MultiReference)
        {
            if (firstFrame is not null || endFrame is not null)
            {
                return TopViewError.Invalid($"{model.Code} takes referenceImageFileIds, not firstFrameFileId/endFrameFileId.");
            }

            if (references is null || references.Count == 0)
            {
                return TopViewError.Missing("referenceImageFileIds");
            }

            if (references.Count < MinReferenceImages)
            {
                return TopViewError.Invalid(Invariant($"referenceImageFileIds needs at least {MinReferenceImages} images."));
            }

            return references.Count > model.MaxReferences
                ? TopViewError.Invalid(Invariant($"{model.Code} supports at most {model.MaxReferences} referenceImageFileIds."))
                : null;
        }

        if (references is { Count: > 0 })
        {
            return TopViewError.Invalid($"{model.Code} does not take referenceImageFileIds.");
        }

        if (endFrame is not null && model.Mode == TopViewInputMode.Single)
        {
            return TopViewError.Invalid($"{model.Code} does not take endFrameFileId.");
        }

        return firstFrame is null ? TopViewError.Missing("firstFrameFileId") : null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static (TopViewOrder?, TopViewError?) Fail(TopViewError error) => (null, error);
}
