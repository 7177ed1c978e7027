using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.TopView;

/// <summary>Every rule of seed 000 (https://docs.topview.ai/reference/storyboard-submit-task) a command must pass before anything is sent.</summary>
/// <remarks>
/// Deliberately separate from the simulator's own copy of these rules: if both shared code, a wrong rule would
/// pass every test.
/// </remarks>
public static class TopViewStoryboardRules
{
    public static IReadOnlyList<string> Validate(GenerateStoryboard command, ReferenceUrlOptions referenceUrls, int maxBoardIdLength)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new List<string>();
        RefuseDepictaFields(command, errors);

        if (string.IsNullOrWhiteSpace(command.Story))
        {
            errors.Add("Story is required.");
        }
        else if (command.Story.Length > TopViewStoryboardModels.MaxStoryLength)
        {
            errors.Add($"Story has {command.Story.Length} characters; TopView takes at most {TopViewStoryboardModels.MaxStoryLength}.");
        }

        var model = TopViewStoryboardModels.Find(command.Model);
        if (string.IsNullOrWhiteSpace(command.Model))
        {
            errors.Add($"Model is required ({Names()}).");
        }
        else if (model is null)
        {
            errors.Add($"Model '{command.Model}' is not a TopView storyboard model; use {Names()}.");
        }

        if (command.AspectRatio is { } ratio && !TopViewStoryboardModels.AspectRatios.Contains(ratio))
        {
            errors.Add($"AspectRatio '{ratio}' is not one of 16:9, 9:16, 1:1.");
        }

        if (string.IsNullOrWhiteSpace(command.Resolution))
        {
            errors.Add(model is null ? "Resolution is required." : $"Resolution is required ({string.Join(", ", model.Resolutions)} for {model.DisplayName}).");
        }
        else if (model is not null && !model.Resolutions.Contains(command.Resolution, StringComparer.Ordinal))
        {
            errors.Add($"Resolution '{command.Resolution}' is not offered by {model.DisplayName}; use {string.Join(", ", model.Resolutions)}.");
        }

        ValidateGrid(command, errors);

        if (command.TargetDurationSeconds is < 1)
        {
            errors.Add($"TargetDurationSeconds {command.TargetDurationSeconds} must be at least 1.");
        }

        var references = command.ReferenceImageUrls ?? [];
        if (model is not null && references.Count > model.MaxReferences)
        {
            errors.Add($"ReferenceImageUrls has {references.Count} images; {model.DisplayName} takes at most {model.MaxReferences}.");
        }

        ReferenceUrlRules.Validate(command.ReferenceImageUrls, "ReferenceImageUrls", referenceUrls, errors);
        ValidateBoardId(command.BoardId, maxBoardIdLength, errors);
        return errors;
    }

    /// <summary>A board id, when given, is one of TopView's ids: not blank, not long.</summary>
    public static void ValidateBoardId(string? boardId, int maxLength, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (boardId is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(boardId))
        {
            errors.Add("BoardId must not be blank; leave it out for no board.");
        }
        else if (boardId.Length > maxLength)
        {
            errors.Add($"BoardId has {boardId.Length} characters; at most {maxLength}.");
        }
    }

    private static void ValidateGrid(GenerateStoryboard command, List<string> errors)
    {
        var mode = command.GridMode ?? "preset";
        if (!TopViewStoryboardModels.GridModes.Contains(mode))
        {
            errors.Add($"GridMode '{mode}' is not auto, preset or custom.");
            return;
        }

        if (command.GridSize is not { } size)
        {
            return;
        }

        switch (mode)
        {
            // TopView infers the panel count itself; a size it would ignore is refused rather than dropped.
            case "auto":
                errors.Add("GridSize is not used with GridMode auto; leave it out, or use preset or custom.");
                break;
            case "preset" when !TopViewStoryboardModels.PresetGridSizes.Contains(size):
                errors.Add($"GridSize {size} is not a preset size (4, 9 or 25); use GridMode custom for 2–25.");
                break;
            case "custom" when size is < TopViewStoryboardModels.MinCustomGridSize or > TopViewStoryboardModels.MaxCustomGridSize:
                errors.Add($"GridSize {size} is outside custom's {TopViewStoryboardModels.MinCustomGridSize}–{TopViewStoryboardModels.MaxCustomGridSize}.");
                break;
        }
    }

    private static void RefuseDepictaFields(GenerateStoryboard command, List<string> errors)
    {
        void Refuse(bool present, string field, string instead)
        {
            if (present)
            {
                errors.Add($"{field} is a Depicta field; TopView storyboards take {instead}.");
            }
        }

        Refuse(command.Characters is not null, nameof(command.Characters), "Story");
        Refuse(command.Scenes is not null, nameof(command.Scenes), "Story");
        Refuse(command.Locations is not null, nameof(command.Locations), "Story");
        Refuse(command.ReferenceImages is not null, nameof(command.ReferenceImages), "ReferenceImageUrls");
        Refuse(command.Style is not null, nameof(command.Style), "Story");
        Refuse(command.Setting is not null, nameof(command.Setting), "Story");
        Refuse(command.RawPrompts is not null, nameof(command.RawPrompts), "Story");
        Refuse(command.Strictness is not null, nameof(command.Strictness), "no content setting");
    }

    private static string Names() => string.Join(", ", TopViewStoryboardModels.All.Select(m => m.DisplayName));
}
