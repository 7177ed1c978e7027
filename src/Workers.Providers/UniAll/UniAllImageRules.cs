using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.UniAll;

/// <summary>Every rule of seed 004 that a command must pass before anything is sent to UniAll.</summary>
/// <remarks>
/// Deliberately separate from the simulator's own copy of these rules: if both shared code, a wrong rule would
/// pass every test.
/// </remarks>
public static class UniAllImageRules
{
    /// <summary>The fleet's bound on <see cref="GenerateImage.Prompt"/> (<see cref="UniAllOptions.MaxPromptLength"/>); UniAll states none.</summary>
    public const int DefaultMaxPromptLength = 32_000;

    public static IReadOnlyList<string> Validate(GenerateImage command, ReferenceUrlOptions referenceUrls, int maxPromptLength = DefaultMaxPromptLength)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(command.Prompt))
        {
            errors.Add("Prompt is required.");
        }
        else if (command.Prompt.Length > maxPromptLength)
        {
            errors.Add($"Prompt has {command.Prompt.Length} characters; at most {maxPromptLength} (MaxPromptLength).");
        }

        var model = command.Model;
        if (string.IsNullOrWhiteSpace(model))
        {
            errors.Add("Model is required (gpt-image-2 or a NanoBanana model).");
            return errors;
        }

        if (!UniAllModels.IsKnown(model))
        {
            errors.Add($"Model '{model}' is not a UniAll image model; use gpt-image-2, {string.Join(", ", UniAllModels.NanoBanana.Order(StringComparer.Ordinal))}.");
            return errors;
        }

        if (model == UniAllModels.GptImage2)
        {
            ValidateGptImage2(command, errors);
        }
        else
        {
            ValidateNanoBanana(command, model, errors);
        }

        if (command.OutputFormat is { } format && !UniAllModels.OutputFormats(model).Contains(format))
        {
            errors.Add($"OutputFormat '{format}' is not offered by {model}; use {string.Join(", ", UniAllModels.OutputFormats(model))}.");
        }

        ReferenceUrlRules.Validate(command.ReferenceImageUrls, "ReferenceImageUrls", referenceUrls, errors);
        return errors;
    }

    private static void ValidateGptImage2(GenerateImage command, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(command.Size))
        {
            errors.Add("Size is required for gpt-image-2 (e.g. 1024x1024).");
        }
        else if (!UniAllModels.GptImage2Sizes.ContainsKey(command.Size))
        {
            errors.Add($"Size '{command.Size}' is not one of gpt-image-2's 48 sizes (e.g. 1024x1024, 1536x1024, 1920x1080, 3840x2160).");
        }

        if (command.AspectRatio is not null)
        {
            errors.Add("AspectRatio is not supported by gpt-image-2; choose a Size instead.");
        }

        if (command.Quality is { } quality && !UniAllModels.Qualities.Contains(quality))
        {
            errors.Add($"Quality '{quality}' is not low, medium or high.");
        }

        if (command.Count is < 1 or > 8)
        {
            errors.Add($"Count {command.Count} is outside gpt-image-2's 1–8.");
        }
    }

    private static void ValidateNanoBanana(GenerateImage command, string model, List<string> errors)
    {
        if (command.AspectRatio is { } ratio && !UniAllModels.AspectRatios.Contains(ratio))
        {
            errors.Add($"AspectRatio '{ratio}' is not one of {string.Join(", ", UniAllModels.AspectRatios)}.");
        }

        // The seed says NanoBanana decides the size from its tier and does not support n; sending them anyway
        // would be billed by whatever the upstream decides, so the fleet refuses rather than guesses.
        if (command.Size is not null)
        {
            errors.Add($"Size is not supported by {model}; its tier sets the size, use AspectRatio for the shape.");
        }

        if (command.Quality is not null)
        {
            errors.Add($"Quality is fixed by the {model} tier; omit it.");
        }

        if (command.Count is { } count && count != 1)
        {
            errors.Add($"Count {count} is not supported by {model}: NanoBanana models make one image per task.");
        }
    }
}
