using System.Globalization;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Depicta;

/// <summary>
/// Every rule of <c>POST /v1/generate/story</c> (https://depicta.ai/docs/api/operations/generatestory/) that a command must
/// pass before anything is sent to Depicta, plus the fleet's stated bounds on free text (<see cref="DepictaOptions"/>).
/// </summary>
/// <remarks>
/// Deliberately separate from the simulator's own copy of these rules: if both shared code, a wrong rule would pass
/// every test. Names are matched case-sensitively, as given.
/// </remarks>
public static class DepictaStoryRules
{
    /// <summary>
    /// Depicta fetches every reference image itself, so it needs public HTTPS hosts: no local allow-list applies.
    /// Its own <see cref="DepictaOptions.MaxUrlLength"/> bounds the length (checked first).
    /// </summary>
    private static readonly ReferenceUrlOptions HttpsOnly = new() { MaxUrlLength = int.MaxValue };

    private const int MaxReported = 50;

    public static IReadOnlyList<string> Validate(GenerateStoryboard command, DepictaOptions limits)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(limits);
        var errors = new List<string>();
        RefuseTopViewFields(command, errors);
        ValidateModel(command.Model, limits.StoryModels, errors);
        Text(command.Story, "Story", limits.MaxPromptLength, errors);
        Text(command.Style, "Style", limits.MaxDescriptionLength, errors);
        Text(command.Setting, "Setting", limits.MaxDescriptionLength, errors);
        OneOf(command.AspectRatio, "AspectRatio", DepictaModels.AspectRatios, errors);
        OneOf(command.Resolution, "Resolution", DepictaModels.ImageSizes, errors);
        OneOf(command.Strictness, "Strictness", DepictaModels.Strictness, errors);
        var characters = ValidateCharacters(command.Characters, limits, errors);
        var locations = ValidateLocations(command.Locations, limits, errors);
        ValidateScenes(command.Scenes, characters, locations, limits, errors);
        ValidateReferenceImages(command.ReferenceImages, limits, errors);
        return errors.Count <= MaxReported
            ? errors
            : [.. errors.Take(MaxReported), string.Create(CultureInfo.InvariantCulture, $"… and {errors.Count - MaxReported} more problems.")];
    }

    private static void RefuseTopViewFields(GenerateStoryboard command, List<string> errors)
    {
        if (command.GridMode is not null)
        {
            errors.Add("GridMode is a TopView field; Depicta stories take Characters and Scenes.");
        }

        if (command.GridSize is not null)
        {
            errors.Add("GridSize is a TopView field; Depicta makes one image per scene (2 to 10 Scenes).");
        }

        if (command.TargetDurationSeconds is not null)
        {
            errors.Add("TargetDurationSeconds is a TopView field; Depicta stories have no duration.");
        }

        if (command.ReferenceImageUrls is { Count: > 0 })
        {
            errors.Add("ReferenceImageUrls is a TopView field; Depicta takes ReferenceImages, each with a Url and a Description.");
        }

        if (command.BoardId is not null)
        {
            errors.Add("BoardId is a TopView field; Depicta has no boards.");
        }
    }

    private static void ValidateModel(string? model, IReadOnlyList<string> storyModels, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            errors.Add($"Model is required (one of {string.Join(", ", storyModels)}).");
        }
        else if (!storyModels.Contains(model, StringComparer.Ordinal))
        {
            errors.Add($"Model '{Shorten(model)}' is not a Depicta story model (multi-turn); use {string.Join(", ", storyModels)}.");
        }
    }

    /// <summary>Character name → its state names, for the scenes' references (the first of duplicated names).</summary>
    private static Dictionary<string, IReadOnlyCollection<string>> ValidateCharacters(IReadOnlyList<StoryCharacter>? characters,
        DepictaOptions limits, List<string> errors)
    {
        var known = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        if (characters is null)
        {
            errors.Add($"Characters is required: a Depicta story needs {DepictaModels.MinCharacters} to {DepictaModels.MaxCharacters}.");
            return known;
        }

        if (characters.Count is < DepictaModels.MinCharacters or > DepictaModels.MaxCharacters)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"Characters has {characters.Count}; a Depicta story needs {DepictaModels.MinCharacters} to {DepictaModels.MaxCharacters}."));
        }

        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < characters.Count; i++)
        {
            var field = Indexed("Characters", i);
            if (characters[i] is not { } character)
            {
                errors.Add($"{field} is null.");
                continue;
            }

            if (Name(character.Name, $"{field}.Name", limits, errors) is { } name)
            {
                if (firstIndex.TryGetValue(name, out var first))
                {
                    errors.Add($"{field}.Name '{name}' is already the name of {Indexed("Characters", first)}; names must be unique.");
                }
                else
                {
                    firstIndex[name] = i;
                    known[name] = character.States is { } states ? [.. states.Keys] : [];
                }
            }

            Text(character.Appearance, $"{field}.Appearance", limits.MaxAppearanceLength, errors);
            Url(character.ReferenceImageUrl, $"{field}.ReferenceImageUrl", limits, errors);
            ValidateStates(character.States, $"{field}.States", limits, errors);
        }

        return known;
    }

    private static void ValidateStates(IReadOnlyDictionary<string, CharacterState>? states, string field, DepictaOptions limits,
        List<string> errors)
    {
        if (states is null)
        {
            return;
        }

        if (states.Count > DepictaModels.MaxStatesPerCharacter)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{field} has {states.Count}; Depicta allows at most {DepictaModels.MaxStatesPerCharacter} states per character."));
        }

        foreach (var (key, state) in states)
        {
            var stateField = $"{field}['{Shorten(key)}']";
            if (string.IsNullOrWhiteSpace(key))
            {
                errors.Add($"{field} has a blank state name.");
            }
            else if (key.Length > limits.MaxNameLength)
            {
                errors.Add(TooLong($"{field} state name", key.Length, limits.MaxNameLength));
            }

            if (state is null)
            {
                errors.Add($"{stateField} is null.");
                continue;
            }

            Text(state.Appearance, $"{stateField}.Appearance", limits.MaxAppearanceLength, errors);
            Url(state.ReferenceImageUrl, $"{stateField}.ReferenceImageUrl", limits, errors);
        }
    }

    private static HashSet<string> ValidateLocations(IReadOnlyList<StoryLocation>? locations, DepictaOptions limits, List<string> errors)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (locations is null)
        {
            return known;
        }

        if (locations.Count > limits.MaxLocations)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Locations has {locations.Count}; at most {limits.MaxLocations} are accepted."));
        }

        var firstIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < locations.Count; i++)
        {
            var field = Indexed("Locations", i);
            if (locations[i] is not { } location)
            {
                errors.Add($"{field} is null.");
                continue;
            }

            if (Name(location.Name, $"{field}.Name", limits, errors) is { } name)
            {
                if (firstIndex.TryGetValue(name, out var first))
                {
                    errors.Add($"{field}.Name '{name}' is already the name of {Indexed("Locations", first)}; names must be unique.");
                }
                else
                {
                    firstIndex[name] = i;
                    known.Add(name);
                }
            }

            Text(location.Description, $"{field}.Description", limits.MaxDescriptionLength, errors);
            Url(location.ReferenceImageUrl, $"{field}.ReferenceImageUrl", limits, errors);
        }

        return known;
    }

    private static void ValidateScenes(IReadOnlyList<StoryScene>? scenes, Dictionary<string, IReadOnlyCollection<string>> characters,
        HashSet<string> locations, DepictaOptions limits, List<string> errors)
    {
        if (scenes is null)
        {
            errors.Add($"Scenes is required: a Depicta story needs {DepictaModels.MinScenes} to {DepictaModels.MaxScenes}.");
            return;
        }

        if (scenes.Count is < DepictaModels.MinScenes or > DepictaModels.MaxScenes)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"Scenes has {scenes.Count}; a Depicta story needs {DepictaModels.MinScenes} to {DepictaModels.MaxScenes}."));
        }

        for (var i = 0; i < scenes.Count; i++)
        {
            var field = Indexed("Scenes", i);
            if (scenes[i] is not { } scene)
            {
                errors.Add($"{field} is null.");
                continue;
            }

            Text(scene.Prompt, $"{field}.Prompt", limits.MaxPromptLength, errors);
            OneOf(scene.AspectRatio, $"{field}.AspectRatio", DepictaModels.AspectRatios, errors);
            ValidateSceneCharacters(scene.Characters, field, characters, errors);
            if (scene.Location is { } location)
            {
                if (string.IsNullOrWhiteSpace(location))
                {
                    errors.Add($"{field}.Location is blank; leave it out or name one of Locations.");
                }
                else if (!locations.Contains(location))
                {
                    errors.Add($"{field}.Location '{Shorten(location)}' is not one of Locations.");
                }
            }
        }
    }

    private static void ValidateSceneCharacters(IReadOnlyList<SceneCharacter>? cast, string sceneField,
        Dictionary<string, IReadOnlyCollection<string>> characters, List<string> errors)
    {
        if (cast is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var j = 0; j < cast.Count; j++)
        {
            var field = Indexed($"{sceneField}.Characters", j);
            if (cast[j] is not { } member)
            {
                errors.Add($"{field} is null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(member.Name))
            {
                errors.Add($"{field}.Name is required.");
                continue;
            }

            var name = member.Name;
            if (!characters.TryGetValue(name, out var states))
            {
                errors.Add($"{field}.Name '{Shorten(name)}' is not one of Characters.");
                continue;
            }

            if (!seen.Add(name))
            {
                errors.Add($"{field}.Name '{name}' appears in the scene twice.");
            }

            if (member.State is { } state && !states.Contains(state))
            {
                errors.Add(states.Count == 0
                    ? $"{field}.State '{Shorten(state)}' is not a state of {name}, which has no States."
                    : $"{field}.State '{Shorten(state)}' is not one of {name}'s States ({string.Join(", ", states)}).");
            }
        }
    }

    private static void ValidateReferenceImages(IReadOnlyList<DescribedImage>? images, DepictaOptions limits, List<string> errors)
    {
        if (images is null)
        {
            return;
        }

        if (images.Count > DepictaModels.MaxReferenceImages)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"ReferenceImages has {images.Count}; Depicta allows at most {DepictaModels.MaxReferenceImages}."));
        }

        for (var i = 0; i < images.Count; i++)
        {
            var field = Indexed("ReferenceImages", i);
            if (images[i] is not { } image)
            {
                errors.Add($"{field} is null.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(image.Url))
            {
                errors.Add($"{field}.Url is required.");
            }
            else
            {
                Url(image.Url, $"{field}.Url", limits, errors);
            }

            if (string.IsNullOrWhiteSpace(image.Description))
            {
                errors.Add($"{field}.Description is required: Depicta uses it to understand what the image shows.");
            }
            else
            {
                Text(image.Description, $"{field}.Description", limits.MaxDescriptionLength, errors);
            }
        }
    }

    /// <summary>A required name: present, not blank, within the stated length; the name, or null when it is unusable.</summary>
    private static string? Name(string? name, string field, DepictaOptions limits, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            errors.Add($"{field} is required.");
            return null;
        }

        if (name.Length > limits.MaxNameLength)
        {
            errors.Add(TooLong(field, name.Length, limits.MaxNameLength));
        }

        return name;
    }

    /// <summary>Optional free text: absent, or not blank and within <paramref name="max"/> characters.</summary>
    private static void Text(string? value, string field, int max, List<string> errors)
    {
        if (value is null)
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{field} is blank; leave it out or fill it in.");
        }
        else if (value.Length > max)
        {
            errors.Add(TooLong(field, value.Length, max));
        }
    }

    private static void OneOf(string? value, string field, IReadOnlyList<string> allowed, List<string> errors)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            errors.Add($"{field} '{Shorten(value)}' is not one of {string.Join(", ", allowed)}.");
        }
    }

    private static void Url(string? url, string field, DepictaOptions limits, List<string> errors)
    {
        if (url is null)
        {
            return;
        }

        if (url.Length > limits.MaxUrlLength)
        {
            errors.Add(TooLong(field, url.Length, limits.MaxUrlLength));
            return;
        }

        ReferenceUrlRules.Validate(url, field, HttpsOnly, errors);
    }

    private static string TooLong(string field, int length, int max) =>
        string.Create(CultureInfo.InvariantCulture, $"{field} has {length} characters; at most {max} are accepted.");

    /// <summary>Every reference URL of a story, named as <see cref="Validate"/> names it.</summary>
    public static IEnumerable<(string Field, string Url)> ReferenceUrls(GenerateStoryboard command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var (character, i) in (command.Characters ?? []).Select((c, i) => (c, i)))
        {
            var field = Indexed("Characters", i);
            if (character?.ReferenceImageUrl is { } url)
            {
                yield return ($"{field}.ReferenceImageUrl", url);
            }

            foreach (var (key, state) in character?.States ?? new Dictionary<string, CharacterState>())
            {
                if (state?.ReferenceImageUrl is { } stateUrl)
                {
                    yield return ($"{field}.States['{Shorten(key)}'].ReferenceImageUrl", stateUrl);
                }
            }
        }

        foreach (var (location, i) in (command.Locations ?? []).Select((l, i) => (l, i)))
        {
            if (location?.ReferenceImageUrl is { } url)
            {
                yield return ($"{Indexed("Locations", i)}.ReferenceImageUrl", url);
            }
        }

        foreach (var (image, i) in (command.ReferenceImages ?? []).Select((r, i) => (r, i)))
        {
            if (image?.Url is { } url)
            {
                yield return ($"{Indexed("ReferenceImages", i)}.Url", url);
            }
        }
    }

    private static string Indexed(string field, int index) => string.Create(CultureInfo.InvariantCulture, $"{field}[{index}]");

    private static string Shorten(string value) => value.Length <= 100 ? value : string.Concat(value.AsSpan(0, 100), "…");
}
