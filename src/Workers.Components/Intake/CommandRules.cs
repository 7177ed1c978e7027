using System.Globalization;
using System.Text;
using System.Text.Json;
using Workers.Contracts;

namespace Workers.Components.Intake;

/// <summary>
/// The fleet's own rules for every command, whatever its provider: what the fleet keeps and echoes (the request id, the
/// tags) must be small and printable, and no text may hold a NUL, which PostgreSQL cannot store.
/// </summary>
public static class CommandRules
{
    /// <summary>The request id is the row's primary key and a segment of every callback URL.</summary>
    public const int MaxRequestIdLength = 200;

    /// <summary>Tags come back on every event about the request, so they stay small.</summary>
    public const int MaxTags = 32;

    public const int MaxTagKeyLength = 64;

    public const int MaxTagValueLength = 256;

    /// <summary>Why <paramref name="requestId"/> cannot key a row, or null when it can.</summary>
    public static string? RequestIdProblem(string? requestId)
    {
        if (string.IsNullOrWhiteSpace(requestId))
        {
            return "RequestId is required.";
        }

        if (requestId.Length > MaxRequestIdLength)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"RequestId has {requestId.Length} characters; at most {MaxRequestIdLength} (it is the request's key and appears in callback URLs).");
        }

        return FirstUnprintable(requestId) is { } at
            ? string.Create(CultureInfo.InvariantCulture, $"RequestId has a control or invisible character at position {at}; use printable characters only.")
            : null;
    }

    /// <summary>What is wrong with <paramref name="tags"/>; empty when they may be kept and echoed.</summary>
    public static IReadOnlyList<string> TagProblems(IReadOnlyDictionary<string, string>? tags)
    {
        var errors = new List<string>();
        if (tags is null)
        {
            return errors;
        }

        if (tags.Count > MaxTags)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"Tags has {tags.Count} entries; at most {MaxTags}."));
        }

        foreach (var (key, value) in tags)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                errors.Add("Tags has a blank key.");
                continue;
            }

            var field = $"Tags['{Shorten(key)}']";
            if (key.Contains('\0', StringComparison.Ordinal) || (value?.Contains('\0', StringComparison.Ordinal) ?? false))
            {
                errors.Add($"{field} contains a NUL character (U+0000).");
            }

            if (key.Length > MaxTagKeyLength)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field}: the key has {key.Length} characters; at most {MaxTagKeyLength}."));
            }

            if (value is null)
            {
                errors.Add($"{field} is null; tag values are text.");
            }
            else if (value.Length > MaxTagValueLength)
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"{field} has {value.Length} characters; at most {MaxTagValueLength}."));
            }
        }

        return errors;
    }

    /// <summary>The tags when they pass <see cref="TagProblems"/>; otherwise null, so that nothing oversized is echoed.</summary>
    public static IReadOnlyDictionary<string, string>? KeepableTags(IReadOnlyDictionary<string, string>? tags) =>
        TagProblems(tags).Count == 0 ? tags : null;

    /// <summary>The longest deadline a command may ask for: a week, the longest any provider keeps a task.</summary>
    public const int MaxTimeoutSeconds = 7 * 24 * 3600;

    /// <summary>Every fleet-wide rule a deserialized command breaks (deadline, tags, and text holding NUL characters).</summary>
    public static IReadOnlyList<string> Validate<TCommand>(TCommand command) where TCommand : class, IGenerationCommand
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = TagProblems(command.Tags).ToList();
        if (command.TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            errors.Add($"TimeoutSeconds {command.TimeoutSeconds} is outside 1–{MaxTimeoutSeconds} (a week); leave it out for the provider's default.");
        }

        var json = JsonSerializer.SerializeToElement(command, JsonSerializerOptions.Web);
        foreach (var field in CommandShape.FieldsWithNul(typeof(TCommand), json).Where(f => !f.StartsWith("Tags[", StringComparison.Ordinal)))
        {
            errors.Add($"{field} contains a NUL character (U+0000), which cannot be stored or sent.");
        }

        return errors;
    }

    /// <summary>Text as PostgreSQL can keep it: NUL characters become U+FFFD (the command's own copy says what they were).</summary>
    public static string Storable(string? text) => text is null ? "" : text.Replace('\0', '\uFFFD');

    /// <summary>The index of the first character that is not printable text (control, format, unassigned, broken surrogate).</summary>
    public static int? FirstUnprintable(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var index = 0;
        while (index < value.Length)
        {
            if (Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
                    or UnicodeCategory.PrivateUse or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                return index;
            }

            index += consumed;
        }

        return null;
    }

    internal static string Shorten(string value, int max = 40) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max), "…");
}
