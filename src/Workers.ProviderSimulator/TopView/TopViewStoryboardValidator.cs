using System.Globalization;

namespace Workers.ProviderSimulator.TopView;

/// <summary>
/// The storyboard submit rules of seed 000 (docs/PROVIDERS.md §1.2), checked in a fixed order so each bad request gets one
/// error: an absent required field is 4003, every other broken rule 4000, a JSON type mismatch 4001.
/// </summary>
internal static class TopViewStoryboardValidator
{
    public const int MaxStoryLength = 5000;
    public const int DefaultTargetDurationSeconds = 15;

    private static readonly string[] AspectRatios = ["16:9", "9:16", "1:1"];
    private static readonly string[] GridModes = ["auto", "preset", "custom"];
    private static readonly string[] PresetGridSizes = ["4", "9", "25"];
    private const string DefaultGridSize = "9";

    public static (TopViewOrder? Order, TopViewError? Error) Validate(TopViewJsonBody body, TopViewOptions options)
    {
        var story = body.String("story");
        var modelName = TopViewCommonFields.Blank(body.String("model"));
        var aspectRatio = TopViewCommonFields.Blank(body.String("aspectRatio")) ?? "16:9";
        var resolution = TopViewCommonFields.Blank(body.String("resolution"));
        var gridMode = TopViewCommonFields.Blank(body.String("gridMode")) ?? "preset";
        var gridSize = TopViewCommonFields.Blank(body.String("gridSize"));
        var targetSeconds = body.Int32("targetDurationSeconds") ?? DefaultTargetDurationSeconds;
        var references = body.Strings("referenceFileIds") ?? [];
        var (noticeUrl, boardId, commonError) = TopViewCommonFields.Read(body);
        if (body.Error is { } typeError)
        {
            return Fail(typeError);
        }

        if (story is null)
        {
            return Fail(TopViewError.Missing("story"));
        }

        if (string.IsNullOrWhiteSpace(story))
        {
            return Fail(TopViewError.Invalid("story must not be empty."));
        }

        // UTF-16 code units, as the Java backend's String.length() counts them.
        if (story.Length > MaxStoryLength)
        {
            return Fail(TopViewError.Invalid(Invariant($"story must be at most {MaxStoryLength} characters (was {story.Length}).")));
        }

        if (modelName is null)
        {
            return Fail(TopViewError.Missing("model"));
        }

        if (TopViewStoryboardModels.Find(modelName) is not { } model)
        {
            return Fail(TopViewError.Invalid(
                $"Unsupported model: {modelName}. Allowed: {string.Join(", ", TopViewStoryboardModels.All.Select(m => m.DisplayName))}."));
        }

        if (!AspectRatios.Contains(aspectRatio, StringComparer.Ordinal))
        {
            return Fail(TopViewError.Invalid($"aspectRatio supports: {string.Join(", ", AspectRatios)}."));
        }

        if (resolution is null)
        {
            return Fail(TopViewError.Missing("resolution"));
        }

        if (!model.Resolutions.Contains(resolution, StringComparer.Ordinal))
        {
            return Fail(TopViewError.Invalid($"{model.Code} supports resolutions: {string.Join(", ", model.Resolutions)}."));
        }

        if (!GridModes.Contains(gridMode, StringComparer.Ordinal))
        {
            return Fail(TopViewError.Invalid($"gridMode supports: {string.Join(", ", GridModes)}."));
        }

        if (Panels(gridMode, gridSize ?? DefaultGridSize, targetSeconds) is not { } panels)
        {
            return Fail(TopViewError.Invalid(gridMode == "preset"
                ? "gridSize must be 4, 9 or 25 when gridMode is preset."
                : "gridSize must be between 2 and 25 when gridMode is custom."));
        }

        if (targetSeconds < 1)
        {
            return Fail(TopViewError.Invalid("targetDurationSeconds must be >= 1."));
        }

        if (references.Any(string.IsNullOrWhiteSpace))
        {
            return Fail(TopViewError.Invalid("referenceFileIds must not contain empty fileIds."));
        }

        if (references.Count > model.MaxReferences)
        {
            return Fail(TopViewError.Invalid(Invariant($"{model.Code} supports at most {model.MaxReferences} referenceFileIds.")));
        }

        if (commonError is not null)
        {
            return Fail(commonError);
        }

        var (width, height) = TopViewCommonFields.SizeFor(aspectRatio, ShortSide(resolution, aspectRatio));
        var (columns, rows) = Grid(panels, portrait: height > width);
        return (new TopViewStoryboardOrder(model, resolution, aspectRatio, width, height, panels, columns, rows)
        {
            ModelCode = model.Code,
            PromptText = story,
            Count = 1,
            Price = options.StoryboardCredits[resolution],
            FileIds = references,
            NoticeUrl = noticeUrl,
            BoardId = boardId,
        }, null);
    }

    /// <summary>
    /// The panel count, or null when gridSize breaks the mode's rule. [ASSUMPTION] gridSize is ignored under
    /// <c>auto</c>, which plans 4 panels up to 10 s of target duration, 9 up to 40 s, else 25.
    /// </summary>
    private static int? Panels(string gridMode, string gridSize, int targetSeconds) => gridMode switch
    {
        "auto" => targetSeconds <= 10 ? 4 : targetSeconds <= 40 ? 9 : 25,
        "preset" => PresetGridSizes.Contains(gridSize, StringComparer.Ordinal) ? int.Parse(gridSize, CultureInfo.InvariantCulture) : null,
        _ => int.TryParse(gridSize, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 2 and <= 25 ? size : null,
    };

    /// <summary>The smallest near-square grid holding every panel; portrait images get more rows than columns.</summary>
    private static (int Columns, int Rows) Grid(int panels, bool portrait)
    {
        var wide = (int)Math.Ceiling(Math.Sqrt(panels));
        var narrow = (panels + wide - 1) / wide;
        return portrait ? (narrow, wide) : (wide, narrow);
    }

    /// <summary>
    /// [ASSUMPTION] The resolution names the long side (README example: 2K 16:9 = 2048×1152; 512p = 512 px), so
    /// the short side follows from the ratio.
    /// </summary>
    private static int ShortSide(string resolution, string aspectRatio)
    {
        var longSide = resolution switch
        {
            "512p" => 512,
            "1K" => 1024,
            "2K" => 2048,
            _ => 4096,
        };
        return aspectRatio == "1:1" ? longSide : (int)Math.Round(longSide * 9 / 16.0);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static (TopViewOrder?, TopViewError?) Fail(TopViewError error) => (null, error);
}
