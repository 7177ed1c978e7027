namespace Workers.ProviderSimulator.UniAll;

/// <summary>The submission rules of seed 004, checked in a fixed order so each bad request gets one clear error.</summary>
internal static class UniAllValidator
{
    public const string TextToImage = "text2image";
    public const string ImageToImage = "image2image";
    public const int MaxN = 8;

    private static readonly string[] Qualities = ["low", "medium", "high"];

    public static (UniAllOrder? Order, UniAllError? Error) Validate(UniAllSubmitRequest request)
    {
        if (request.Model is null)
        {
            return Fail(UniAllError.Missing("model"));
        }

        if (UniAllModels.Find(request.Model) is not { } model)
        {
            return Fail(UniAllError.Invalid(
                "model",
                $"Model '{request.Model}' is not available; use one of: {string.Join(", ", UniAllModels.All.Select(m => m.Id))}."));
        }

        if (request.Prompt is null)
        {
            return Fail(UniAllError.Missing("prompt"));
        }

        // An explicit task_type wins; otherwise image input decides (seed 004, zh-CN wording).
        if (request.TaskType is { } explicitType && explicitType is not (TextToImage or ImageToImage))
        {
            return Fail(UniAllError.Invalid("task_type", $"'task_type' must be '{TextToImage}' or '{ImageToImage}'."));
        }

        var taskType = request.TaskType ?? (request.HasImageInput ? ImageToImage : TextToImage);
        if (taskType == ImageToImage && !request.HasImageInput)
        {
            return Fail(UniAllError.Missing("image"));
        }

        if (request.ImageUrls.FirstOrDefault(url => !IsImageUrl(url)) is { } badUrl)
        {
            return Fail(UniAllError.Invalid("image", $"'{Shorten(badUrl)}' is not an http(s) or data URL."));
        }

        if (request.ResponseFormat is { } responseFormat && responseFormat != "url")
        {
            return Fail(UniAllError.Invalid("response_format", "Only 'url' is supported for async image tasks."));
        }

        var outputFormat = request.OutputFormat ?? "png";
        if (!model.OutputFormats.Contains(outputFormat, StringComparer.Ordinal))
        {
            return Fail(UniAllError.Invalid(
                "output_format",
                $"Model '{model.Id}' supports output_format {string.Join("/", model.OutputFormats)}, not '{outputFormat}'."));
        }

        if (request.N is < 1 or > MaxN)
        {
            return Fail(UniAllError.Invalid("n", $"'n' must be between 1 and {MaxN}."));
        }

        return model.IsGptImage2
            ? ValidateGptImage2(request, model, taskType, outputFormat)
            : ValidateAspectRatioModel(request, model, taskType, outputFormat);
    }

    private static (UniAllOrder?, UniAllError?) ValidateGptImage2(
        UniAllSubmitRequest request,
        UniAllModel model,
        string taskType,
        string outputFormat)
    {
        if (request.AspectRatio is not null)
        {
            return Fail(UniAllError.Unsupported("aspect_ratio", "gpt-image-2 does not support 'aspect_ratio'; set 'size' instead."));
        }

        if (request.Size is null)
        {
            return Fail(UniAllError.Missing("size"));
        }

        if (!UniAllSizes.TryParse(request.Size, out var width, out var height))
        {
            return Fail(UniAllError.Invalid(
                "size",
                $"Size '{request.Size}' is not supported by gpt-image-2; use one of: {string.Join(", ", UniAllSizes.All)}."));
        }

        if (request.Quality is { } quality && !Qualities.Contains(quality, StringComparer.Ordinal))
        {
            return Fail(UniAllError.Invalid("quality", $"'quality' must be one of {string.Join(", ", Qualities)}."));
        }

        var n = request.N ?? 1;
        return (new UniAllOrder(model, request.Prompt!, taskType, n, n, UniAllModels.ParseFormat(outputFormat), width, height), null);
    }

    private static (UniAllOrder?, UniAllError?) ValidateAspectRatioModel(
        UniAllSubmitRequest request,
        UniAllModel model,
        string taskType,
        string outputFormat)
    {
        var ratio = request.AspectRatio ?? UniAllAspectRatios.Default;
        if (!UniAllAspectRatios.IsKnown(ratio))
        {
            return Fail(UniAllError.Invalid(
                "aspect_ratio",
                $"'aspect_ratio' must be one of {string.Join(", ", UniAllAspectRatios.All)}."));
        }

        // size and quality are accepted and ignored: the tier fixes them (seed 004 §4.3). n is accepted, but the
        // upstream decides the count and NanoBanana returns one image.
        var (width, height) = UniAllAspectRatios.SizeFor(ratio, model.LongSidePixels!.Value);
        return (new UniAllOrder(model, request.Prompt!, taskType, request.N ?? 1, 1, UniAllModels.ParseFormat(outputFormat), width, height), null);
    }

    private static bool IsImageUrl(string url) =>
        url.StartsWith("data:image/", StringComparison.OrdinalIgnoreCase)
        || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));

    private static string Shorten(string url) => url.Length <= 80 ? url : string.Concat(url.AsSpan(0, 77), "...");

    private static (UniAllOrder?, UniAllError?) Fail(UniAllError error) => (null, error);
}
