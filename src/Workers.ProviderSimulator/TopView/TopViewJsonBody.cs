using System.Text.Json;

namespace Workers.ProviderSimulator.TopView;

/// <summary>
/// Typed reads of a submit body's members. A member of the wrong JSON type is code 4001 (request data format
/// mismatch); the first such mismatch is kept as <see cref="Error"/>. Null and absent members read as null.
/// </summary>
internal sealed class TopViewJsonBody
{
    private readonly JsonElement root;

    private TopViewJsonBody(JsonElement root) => this.root = root;

    public TopViewError? Error { get; private set; }

    /// <summary>Parses the body (any content type is read as JSON, so <c>curl -d</c> works); null + error when it is not a JSON object.</summary>
    public static async Task<(TopViewJsonBody? Body, TopViewError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (new TopViewJsonBody(document.RootElement.Clone()), null)
                : (null, TopViewError.Format("The request body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, TopViewError.Format($"The request body is not valid JSON: {e.Message}"));
        }
    }

    /// <summary>A string member as sent (not trimmed: an empty story is a different error from a missing one).</summary>
    public string? String(string name)
    {
        if (Member(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Error ??= TopViewError.Format($"{name} must be a string.");
        return null;
    }

    public int? Int32(string name)
    {
        if (Member(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
        {
            return number;
        }

        Error ??= TopViewError.Format($"{name} must be an integer.");
        return null;
    }

    public IReadOnlyList<string>? Strings(string name)
    {
        if (Member(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String))
        {
            return value.EnumerateArray().Select(item => item.GetString()!).ToList();
        }

        Error ??= TopViewError.Format($"{name} must be an array of strings.");
        return null;
    }

    private JsonElement? Member(string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
