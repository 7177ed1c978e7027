using System.Globalization;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Apikley;

/// <summary>
/// Every rule of <c>sora-2-pro-storyboard</c> (seed 001, https://docs.apikley.ru/Sora-2/sora-2-pro-storyboard) that a
/// command must pass before anything is sent to Apikley, all reported at once.
/// </summary>
/// <remarks>
/// Deliberately separate from the simulator's own copy of these rules: if both shared code, a wrong rule would
/// pass every test.
/// </remarks>
public static class ApikleyVideoRules
{
    public static IReadOnlyList<string> Validate(GenerateVideo command, int maxSceneLength, ReferenceUrlOptions referenceUrls)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new List<string>();
        if (command.Model is { } model && model != ApikleyModels.Sora2ProStoryboard)
        {
            errors.Add($"Model '{model}' is not an Apikley video model; use {ApikleyModels.Sora2ProStoryboard} or leave Model out.");
        }

        RefuseForeignFields(command, errors);
        var duration = ValidateDuration(command.DurationSeconds, errors);
        ValidateShots(command.Shots, duration, maxSceneLength, errors);
        ReferenceUrlRules.Validate(command.FirstFrameUrl, "FirstFrameUrl", referenceUrls, errors);
        if (command.AspectRatio is { } ratio && !ApikleyModels.AspectRatios.ContainsKey(ratio))
        {
            errors.Add($"AspectRatio '{ratio}' is not offered by {ApikleyModels.Sora2ProStoryboard}; use 16:9 (landscape) or 9:16 (portrait).");
        }

        return errors;
    }

    /// <summary>The provider's <c>n_frames</c>: the command's length, else the model's default.</summary>
    public static int DurationOf(GenerateVideo command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.DurationSeconds ?? ApikleyModels.DefaultDurationSeconds;
    }

    /// <summary>The provider's <c>aspect_ratio</c> word; landscape when the command names none.</summary>
    public static string AspectRatioOf(GenerateVideo command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.AspectRatio is { } ratio ? ApikleyModels.AspectRatios[ratio] : ApikleyModels.Landscape;
    }

    // Fields of TopView's video models. Sending them nowhere would quietly make a different video than was asked for.
    private static void RefuseForeignFields(GenerateVideo command, List<string> errors)
    {
        if (!string.IsNullOrWhiteSpace(command.Prompt))
        {
            errors.Add("Prompt is a TopView field; Apikley videos take their scenes in Shots[].Prompt.");
        }

        if (!string.IsNullOrWhiteSpace(command.EndFrameUrl))
        {
            errors.Add("EndFrameUrl is a TopView field; Apikley takes only a FirstFrameUrl.");
        }

        if (command.ReferenceImageUrls is { Count: > 0 })
        {
            errors.Add("ReferenceImageUrls is a TopView field; Apikley takes one FirstFrameUrl.");
        }

        if (command.Resolution is { } resolution)
        {
            errors.Add($"Resolution {resolution} is not offered by {ApikleyModels.Sora2ProStoryboard}; its size follows AspectRatio.");
        }

        if (command.Sound is not null)
        {
            errors.Add($"Sound is not a setting of {ApikleyModels.Sora2ProStoryboard}; leave it out.");
        }

        if (command.Count is { } count && count != 1)
        {
            errors.Add($"Count {count} is not supported: {ApikleyModels.Sora2ProStoryboard} makes one video per task.");
        }

        if (!string.IsNullOrWhiteSpace(command.BoardId))
        {
            errors.Add("BoardId is a TopView field; Apikley has no boards.");
        }
    }

    private static int? ValidateDuration(int? durationSeconds, List<string> errors)
    {
        var duration = durationSeconds ?? ApikleyModels.DefaultDurationSeconds;
        if (ApikleyModels.DurationsSeconds.Contains(duration))
        {
            return duration;
        }

        errors.Add($"DurationSeconds {duration} is not offered by {ApikleyModels.Sora2ProStoryboard}; use 10, 15 or 25.");
        return null;
    }

    private static void ValidateShots(IReadOnlyList<VideoShot?>? shots, int? duration, int maxSceneLength, List<string> errors)
    {
        if (shots is null || shots.Count == 0)
        {
            errors.Add($"Shots is required: 1–{ApikleyModels.MaxShots} shots, each with a Prompt and a DurationSeconds.");
            return;
        }

        if (shots.Count > ApikleyModels.MaxShots)
        {
            errors.Add($"Shots has {shots.Count} shots; Apikley takes 1–{ApikleyModels.MaxShots}.");
        }

        var total = 0m;
        for (var i = 0; i < shots.Count; i++)
        {
            if (shots[i] is not { } shot)
            {
                errors.Add($"Shots[{i}] is missing.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(shot.Prompt))
            {
                errors.Add($"Shots[{i}].Prompt is required: it is the shot's scene.");
            }
            else if (shot.Prompt.Length > maxSceneLength)
            {
                errors.Add($"Shots[{i}].Prompt has {shot.Prompt.Length} characters; the limit is {maxSceneLength} (MaxSceneLength).");
            }

            if (shot.DurationSeconds is not { } seconds)
            {
                errors.Add($"Shots[{i}].DurationSeconds is required ({Seconds(ApikleyModels.MinShotSeconds)}–{Seconds(ApikleyModels.MaxShotSeconds)} s).");
            }
            else if (seconds is < ApikleyModels.MinShotSeconds or > ApikleyModels.MaxShotSeconds)
            {
                errors.Add($"Shots[{i}].DurationSeconds {Seconds(seconds)} is outside {Seconds(ApikleyModels.MinShotSeconds)}–{Seconds(ApikleyModels.MaxShotSeconds)} s.");
            }
            else
            {
                total += seconds;
            }
        }

        if (duration is { } length && total > length)
        {
            errors.Add($"Shots[].DurationSeconds add up to {Seconds(total)} s, more than the video's DurationSeconds {length}.");
        }
    }

    private static string Seconds(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
