using System.Globalization;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>
/// The rules of seed 002. Every broken rule is collected (400 <c>bad_request</c>, one <c>details</c> entry per field);
/// a known model without multi-turn support is 422 <c>model_not_capable</c>.
/// </summary>
internal static class DepictaValidator
{
    public const int MaxCharacters = 10;
    public const int MinScenes = 2;
    public const int MaxScenes = 10;
    public const int MaxStatesPerCharacter = 5;
    public const int MaxReferenceImages = 5;

    private static readonly string[] Strictness = ["normal", "liberal"];

    public static (DepictaStory? Story, DepictaError? Error) Validate(DepictaStoryRequest request)
    {
        var model = request.Model is null ? null : DepictaModels.Find(request.Model);
        if (model is { SupportsMultiturn: false })
        {
            return (null, DepictaError.ModelNotCapable(model.Id));
        }

        var problems = new Problems();
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            problems.Add("model", "model is required.");
        }
        else if (model is null)
        {
            problems.Add("model", $"Unknown model '{request.Model}'; see GET /v1/models.");
        }

        CheckEnum(problems, "aspect_ratio", request.AspectRatio, DepictaImageSizes.Ratios);
        CheckEnum(problems, "image_size", request.ImageSize, DepictaImageSizes.All);
        CheckEnum(problems, "strictness", request.Strictness, Strictness);

        var characters = CheckCharacters(problems, request.Characters);
        var locations = CheckLocations(problems, request.Locations);
        CheckReferenceImages(problems, request.ReferenceImages);
        CheckScenes(problems, request.Scenes, characters, locations);

        if (problems.List.Count > 0)
        {
            return (null, DepictaError.Invalid(problems.List));
        }

        var size = request.ImageSize ?? DepictaImageSizes.DefaultSize;
        var scenes = request.Scenes!
            .Select(scene =>
            {
                var (width, height) = DepictaImageSizes.PixelsFor(scene!.AspectRatio ?? request.AspectRatio ?? DepictaImageSizes.DefaultRatio, size);
                return new DepictaScene(scene.Prompt ?? "", width, height);
            })
            .ToList();
        var promptText = string.Join('\n', new[] { request.Prompt }.Concat(scenes.Select(scene => scene.Prompt)).OfType<string>());
        return (new DepictaStory(model!, promptText, [.. characters.Keys], scenes), null);
    }

    /// <summary>The valid characters by name, each with its state keys.</summary>
    private static Dictionary<string, IReadOnlyCollection<string>> CheckCharacters(
        Problems problems,
        IReadOnlyList<DepictaCharacterRequest?>? characters)
    {
        var byName = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        if (characters is null)
        {
            problems.Add("characters", "characters is required.");
            return byName;
        }

        if (characters.Count is < 1 or > MaxCharacters)
        {
            problems.Add("characters", $"A story needs 1 to {MaxCharacters} characters (got {characters.Count}).");
        }

        for (var i = 0; i < characters.Count; i++)
        {
            var path = Index("characters", i);
            if (characters[i] is not { } character)
            {
                problems.Add(path, "A character must be an object.");
                continue;
            }

            CheckHttps(problems, $"{path}.reference_url", character.ReferenceUrl);
            var states = character.States ?? new Dictionary<string, DepictaStateRequest?>();
            if (states.Count > MaxStatesPerCharacter)
            {
                problems.Add($"{path}.states", $"A character has at most {MaxStatesPerCharacter} states (got {states.Count}).");
            }

            foreach (var (key, state) in states)
            {
                if (state is null)
                {
                    problems.Add($"{path}.states.{key}", "A state must be an object.");
                }
                else
                {
                    CheckHttps(problems, $"{path}.states.{key}.reference_url", state.ReferenceUrl);
                }
            }

            if (string.IsNullOrWhiteSpace(character.Name))
            {
                problems.Add($"{path}.name", "Every character needs a name.");
            }
            else if (!byName.TryAdd(character.Name, [.. states.Keys]))
            {
                problems.Add($"{path}.name", $"Character name '{character.Name}' is used twice.");
            }
        }

        return byName;
    }

    /// <summary>The names of the valid locations.</summary>
    private static HashSet<string> CheckLocations(Problems problems, IReadOnlyList<DepictaLocationRequest?>? locations)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (locations?.Count ?? 0); i++)
        {
            var path = Index("locations", i);
            if (locations![i] is not { } location)
            {
                problems.Add(path, "A location must be an object.");
                continue;
            }

            CheckHttps(problems, $"{path}.reference_url", location.ReferenceUrl);
            if (string.IsNullOrWhiteSpace(location.Name))
            {
                problems.Add($"{path}.name", "Every location needs a name.");
            }
            else if (!names.Add(location.Name))
            {
                problems.Add($"{path}.name", $"Location name '{location.Name}' is used twice.");
            }
        }

        return names;
    }

    private static void CheckReferenceImages(Problems problems, IReadOnlyList<DepictaReferenceImageRequest?>? images)
    {
        if (images is null)
        {
            return;
        }

        if (images.Count > MaxReferenceImages)
        {
            problems.Add("reference_images", $"At most {MaxReferenceImages} reference images (got {images.Count}).");
        }

        for (var i = 0; i < images.Count; i++)
        {
            var path = Index("reference_images", i);
            if (images[i] is not { } image)
            {
                problems.Add(path, "A reference image must be an object.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(image.Url))
            {
                problems.Add($"{path}.url", "url is required.");
            }
            else
            {
                CheckHttps(problems, $"{path}.url", image.Url);
            }

            if (string.IsNullOrWhiteSpace(image.Description))
            {
                problems.Add($"{path}.description", "description is required.");
            }
        }
    }

    private static void CheckScenes(
        Problems problems,
        IReadOnlyList<DepictaSceneRequest?>? scenes,
        Dictionary<string, IReadOnlyCollection<string>> characters,
        HashSet<string> locations)
    {
        if (scenes is null)
        {
            problems.Add("scenes", "scenes is required.");
            return;
        }

        if (scenes.Count is < MinScenes or > MaxScenes)
        {
            problems.Add("scenes", $"A story needs {MinScenes} to {MaxScenes} scenes (got {scenes.Count}).");
        }

        for (var i = 0; i < scenes.Count; i++)
        {
            var path = Index("scenes", i);
            if (scenes[i] is not { } scene)
            {
                problems.Add(path, "A scene must be an object.");
                continue;
            }

            CheckEnum(problems, $"{path}.aspect_ratio", scene.AspectRatio, DepictaImageSizes.Ratios);
            if (scene.Location is { } location && !locations.Contains(location))
            {
                problems.Add($"{path}.location", $"Location '{location}' is not in the locations array.");
            }

            for (var j = 0; j < (scene.Characters?.Count ?? 0); j++)
            {
                CheckSceneCharacter(problems, Index($"{path}.characters", j), scene.Characters![j], characters);
            }
        }
    }

    private static void CheckSceneCharacter(
        Problems problems,
        string path,
        DepictaSceneCharacterRequest? appearance,
        Dictionary<string, IReadOnlyCollection<string>> characters)
    {
        if (appearance is null)
        {
            problems.Add(path, "A scene character must be an object.");
        }
        else if (appearance.Name is null || !characters.TryGetValue(appearance.Name, out var states))
        {
            problems.Add($"{path}.name", $"Character '{appearance.Name}' is not in the characters array.");
        }
        else if (appearance.State is { } state && !states.Contains(state))
        {
            problems.Add($"{path}.state", $"Character '{appearance.Name}' has no state '{state}'.");
        }
    }

    private static void CheckEnum(Problems problems, string field, string? value, IReadOnlyList<string> allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            problems.Add(field, $"{field} must be one of {string.Join(", ", allowed)} (got '{value}').");
        }
    }

    private static void CheckHttps(Problems problems, string field, string? url)
    {
        if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
        {
            problems.Add(field, $"{field} must be an absolute HTTPS URL.");
        }
    }

    private static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private sealed class Problems
    {
        public List<DepictaFieldError> List { get; } = [];

        public void Add(string field, string message) => List.Add(new DepictaFieldError(field, message));
    }
}
