using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.TopView;

/// <summary>
/// Every rule of seed 003 (https://docs.topview.ai/reference/image_to_video_v2_submit_task) and of the official skill's
/// model table that a command must pass before anything is uploaded or sent.
/// </summary>
/// <remarks>
/// Deliberately separate from the simulator's own copy of these rules: if both shared code, a wrong rule would
/// pass every test.
/// </remarks>
public static class TopViewVideoRules
{
    public static IReadOnlyList<string> Validate(GenerateVideo command, ReferenceUrlOptions referenceUrls, int maxPromptLength, int maxBoardIdLength)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new List<string>();
        if (command.Shots is not null)
        {
            errors.Add("Shots is an Apikley field; TopView videos take Prompt.");
        }

        if (command.Prompt is { } prompt && prompt.Length > maxPromptLength)
        {
            errors.Add($"Prompt has {prompt.Length} characters; at most {maxPromptLength}.");
        }

        if (command.Count is < 1 or > TopViewVideoModels.MaxCount)
        {
            errors.Add($"Count {command.Count} is outside TopView's 1–{TopViewVideoModels.MaxCount}.");
        }

        if (command.DurationSeconds is < 1)
        {
            errors.Add($"DurationSeconds {command.DurationSeconds} must be at least 1.");
        }

        ReferenceUrlRules.Validate(command.FirstFrameUrl, nameof(command.FirstFrameUrl), referenceUrls, errors);
        ReferenceUrlRules.Validate(command.EndFrameUrl, nameof(command.EndFrameUrl), referenceUrls, errors);
        ReferenceUrlRules.Validate(command.ReferenceImageUrls, nameof(command.ReferenceImageUrls), referenceUrls, errors);
        TopViewStoryboardRules.ValidateBoardId(command.BoardId, maxBoardIdLength, errors);

        var model = TopViewVideoModels.Find(command.Model);
        if (string.IsNullOrWhiteSpace(command.Model))
        {
            errors.Add("Model is required (a TopView image-to-video model such as Seedance 1.5 Pro or Kling V3).");
            return errors;
        }

        if (model is null)
        {
            errors.Add($"Model '{command.Model}' is not a TopView image-to-video model; use one of {string.Join(", ", TopViewVideoModels.All.Select(m => m.DisplayName))}.");
            return errors;
        }

        ValidateInputs(command, model, errors);
        ValidateOutput(command, model, errors);
        return errors;
    }

    private static void ValidateInputs(GenerateVideo command, TopViewVideoModel model, List<string> errors)
    {
        var references = command.ReferenceImageUrls;
        switch (model.InputMode)
        {
            case TopViewInputMode.MultiReference:
                if (command.FirstFrameUrl is not null || command.EndFrameUrl is not null)
                {
                    errors.Add($"{model.DisplayName} takes ReferenceImageUrls, not FirstFrameUrl or EndFrameUrl.");
                }

                if (references is null || references.Count < TopViewVideoModels.MinReferences)
                {
                    errors.Add($"ReferenceImageUrls needs at least {TopViewVideoModels.MinReferences} images for {model.DisplayName} (it has {references?.Count ?? 0}).");
                }
                else if (references.Count > model.MaxReferences)
                {
                    errors.Add($"ReferenceImageUrls has {references.Count} images; {model.DisplayName} takes at most {model.MaxReferences}.");
                }

                break;
            default:
                if (references is not null)
                {
                    errors.Add($"ReferenceImageUrls is not taken by {model.DisplayName}; it animates FirstFrameUrl (multi-reference models: {string.Join(", ", MultiReferenceModels())}).");
                }

                if (string.IsNullOrWhiteSpace(command.FirstFrameUrl))
                {
                    errors.Add($"FirstFrameUrl is required for {model.DisplayName}.");
                }

                if (command.EndFrameUrl is not null && model.InputMode == TopViewInputMode.Single)
                {
                    errors.Add($"EndFrameUrl is not taken by {model.DisplayName}: it animates a single first frame.");
                }

                break;
        }
    }

    private static void ValidateOutput(GenerateVideo command, TopViewVideoModel model, List<string> errors)
    {
        if (command.Resolution is { } resolution)
        {
            if (model.Resolutions is null)
            {
                errors.Add($"Resolution is not offered by {model.DisplayName}; leave it out.");
            }
            else if (!model.Resolutions.Contains(resolution))
            {
                errors.Add($"Resolution {resolution} is not offered by {model.DisplayName}; use {string.Join(", ", model.Resolutions)}.");
            }
        }

        if (command.DurationSeconds is { } duration and >= 1 && !model.Durations.Contains(duration))
        {
            errors.Add($"DurationSeconds {duration} is not offered by {model.DisplayName}; use {Durations(model.Durations)}.");
        }

        if (command.AspectRatio is { } ratio)
        {
            if (model.AspectRatios is null)
            {
                errors.Add($"AspectRatio is not offered by {model.DisplayName}: the first frame sets the shape; leave it out.");
            }
            else if (!model.AspectRatios.Contains(ratio, StringComparer.Ordinal))
            {
                errors.Add($"AspectRatio '{ratio}' is not offered by {model.DisplayName}; use {string.Join(", ", model.AspectRatios)}.");
            }
        }

        if (command.Sound == true && !model.Sound)
        {
            errors.Add($"Sound is not offered by {model.DisplayName}; leave it out or set it to false.");
        }
    }

    /// <summary>A contiguous list reads as a range (4–15), others as a list (5, 10, 12).</summary>
    private static string Durations(IReadOnlyList<int> durations) =>
        durations.Count > 2 && durations[^1] - durations[0] == durations.Count - 1
            ? $"{durations[0]}–{durations[^1]}"
            : string.Join(", ", durations);

    private static IEnumerable<string> MultiReferenceModels() =>
        TopViewVideoModels.All.Where(m => m.InputMode == TopViewInputMode.MultiReference).Select(m => m.DisplayName);
}
