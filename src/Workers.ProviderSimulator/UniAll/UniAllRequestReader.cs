using System.Globalization;
using System.Text.Json;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>Reads a submission from a JSON body or from a multipart form (with an <c>image</c> file part).</summary>
internal static class UniAllRequestReader
{
    private static readonly string[] ImageFileParts = ["image", "image[]", "images", "images[]"];

    public static async Task<(UniAllSubmitRequest? Request, UniAllError? Error)> ReadAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        // The seed documents JSON and multipart only; any other body is read as JSON (so `curl -d '{…}'`, which
        // says form-urlencoded, still works).
        var isMultipart = request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true;
        return isMultipart
            ? await ReadFormAsync(request, cancellationToken)
            : await ReadJsonAsync(request, cancellationToken);
    }

    private static async Task<(UniAllSubmitRequest? Request, UniAllError? Error)> ReadJsonAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, UniAllError.InvalidJson(e.Message));
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, UniAllError.InvalidJson("the body must be a JSON object."));
            }

            var fields = new JsonFields(root);
            var parsed = new UniAllSubmitRequest
            {
                Model = fields.String("model"),
                Prompt = fields.String("prompt"),
                TaskType = fields.String("task_type"),
                Size = fields.String("size"),
                AspectRatio = fields.String("aspect_ratio"),
                Quality = fields.String("quality"),
                N = fields.Int32("n"),
                OutputFormat = fields.String("output_format"),
                ResponseFormat = fields.String("response_format"),
                ImageUrls = [.. OneOrNone(fields.String("image")), .. fields.Strings("images")],
            };
            return fields.Error is null ? (parsed, null) : (null, fields.Error);
        }
    }

    private static async Task<(UniAllSubmitRequest? Request, UniAllError? Error)> ReadFormAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return (null, new UniAllError(StatusCodes.Status400BadRequest, UniAllError.InvalidRequest, "invalid_form", $"Could not read the form: {e.Message}"));
        }

        int? n = null;
        if (Blank(form["n"]) is { } nText)
        {
            if (!int.TryParse(nText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsedN))
            {
                return (null, UniAllError.Invalid("n", $"'n' must be an integer (was '{nText}')."));
            }

            n = parsedN;
        }

        var files = form.Files.Where(file => ImageFileParts.Contains(file.Name, StringComparer.Ordinal)).ToList();
        if (files.Any(file => file.Length == 0))
        {
            return (null, UniAllError.Invalid("image", "An uploaded image file is empty."));
        }

        var urls = new[] { "image", "images", "images[]" }
            .SelectMany(name => form[name])
            .Select(Blank)
            .OfType<string>()
            .ToList();

        return (new UniAllSubmitRequest
        {
            Model = Blank(form["model"]),
            Prompt = Blank(form["prompt"]),
            TaskType = Blank(form["task_type"]),
            Size = Blank(form["size"]),
            AspectRatio = Blank(form["aspect_ratio"]),
            Quality = Blank(form["quality"]),
            N = n,
            OutputFormat = Blank(form["output_format"]),
            ResponseFormat = Blank(form["response_format"]),
            ImageUrls = urls,
            ImageFiles = files.Count,
        }, null);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static IEnumerable<string> OneOrNone(string? value) => value is null ? [] : [value];

    /// <summary>Typed reads of JSON members; the first type mismatch is kept as the request's error.</summary>
    private sealed class JsonFields(JsonElement root)
    {
        public UniAllError? Error { get; private set; }

        public string? String(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.String)
            {
                return Blank(value.GetString());
            }

            Error ??= UniAllError.Invalid(name, $"'{name}' must be a string.");
            return null;
        }

        public int? Int32(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            {
                return number;
            }

            Error ??= UniAllError.Invalid(name, $"'{name}' must be an integer.");
            return null;
        }

        public IReadOnlyList<string> Strings(string name)
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return [];
            }

            if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String))
            {
                return value.EnumerateArray().Select(item => Blank(item.GetString())).OfType<string>().ToList();
            }

            Error ??= UniAllError.Invalid(name, $"'{name}' must be an array of URL strings.");
            return [];
        }
    }
}
