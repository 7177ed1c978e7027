using System.Text.Json;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>Reads the JSON body of a story submission; a malformed or mistyped body is a 400 naming the field.</summary>
internal static class DepictaRequestReader
{
    public static async Task<(DepictaStoryRequest? Request, DepictaError? Error)> ReadAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        try
        {
            var story = await JsonSerializer.DeserializeAsync<DepictaStoryRequest>(request.Body, cancellationToken: cancellationToken);
            return story is null
                ? (null, DepictaError.Invalid([new DepictaFieldError("body", "The body must be a JSON object.")]))
                : (story, null);
        }
        catch (JsonException e)
        {
            // e.Path is like "$.characters[0].name": the field whose value has the wrong type or breaks the syntax.
            var field = e.Path is { Length: > 2 } path ? path[2..] : "body";
            return (null, DepictaError.Invalid([new DepictaFieldError(field, $"Invalid JSON at '{field}': {FirstSentence(e.Message)}")]));
        }
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
