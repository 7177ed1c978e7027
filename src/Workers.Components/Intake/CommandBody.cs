using System.Text;
using System.Text.Json;

namespace Workers.Components.Intake;

/// <summary>
/// A command body read leniently, without its contract type: enough to answer a command the deserializer refused
/// (its request id, provider, model, account and tags, where they are text), or to say why it cannot be answered.
/// </summary>
internal sealed class CommandBody : IDisposable
{
    /// <summary>MassTransit's envelope: the command is its <c>message</c> property.</summary>
    public const string EnvelopeMediaType = "application/vnd.masstransit+json";

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private readonly JsonDocument? document;

    private CommandBody(JsonDocument? document, JsonElement command, string? requestId, string? unreadable)
    {
        this.document = document;
        Command = command;
        RequestId = requestId;
        Unreadable = unreadable;
    }

    /// <summary>The command object (the envelope's message, or the whole plain-JSON body).</summary>
    public JsonElement Command { get; }

    /// <summary>The request id, when it is a non-blank string; null when the command cannot be answered.</summary>
    public string? RequestId { get; }

    /// <summary>Why no request id could be read; null when one was.</summary>
    public string? Unreadable { get; }

    public static CommandBody Read(byte[] body, string? mediaType)
    {
        ArgumentNullException.ThrowIfNull(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Lenient);
        }
        catch (JsonException ex)
        {
            // A body that is not whole JSON (truncated, or not JSON at all) is not read for an id: half a document proves nothing.
            return new CommandBody(null, default, null, $"the body is not JSON ({ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].TrimEnd('.')})");
        }

        var command = document.RootElement;
        if (string.Equals(mediaType, EnvelopeMediaType, StringComparison.OrdinalIgnoreCase))
        {
            if (command.ValueKind != JsonValueKind.Object || Member(command, "message") is not { ValueKind: JsonValueKind.Object } message)
            {
                return new CommandBody(document, default, null, "the MassTransit envelope has no message object");
            }

            command = message;
        }

        if (command.ValueKind != JsonValueKind.Object)
        {
            return new CommandBody(document, default, null, $"the command is {Kind(command)}, not an object");
        }

        var id = Member(command, "requestId");
        var unreadable = id switch
        {
            null => "the command has no requestId",
            { ValueKind: not JsonValueKind.String } => $"its requestId is {Kind(id.Value)}, not a string",
            _ when string.IsNullOrWhiteSpace(id.Value.GetString()) => "its requestId is empty",
            _ => null,
        };
        return new CommandBody(document, command, unreadable is null ? id!.Value.GetString() : null, unreadable);
    }

    /// <summary>A text member (matched ignoring case, as the deserializer does); null when absent or not text.</summary>
    public string? Text(string name) =>
        Unreadable is null && Member(Command, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The tags, when they are an object of text values.</summary>
    public IReadOnlyDictionary<string, string>? Tags()
    {
        if (Unreadable is not null || Member(Command, "tags") is not { ValueKind: JsonValueKind.Object } tags)
        {
            return null;
        }

        var read = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var tag in tags.EnumerateObject())
        {
            if (tag.Value.ValueKind != JsonValueKind.String || !read.TryAdd(tag.Name, tag.Value.GetString()!))
            {
                return null;
            }
        }

        return read;
    }

    /// <summary>
    /// The command as JSON that PostgreSQL's jsonb accepts: the same document with NUL characters and broken surrogates
    /// in its text replaced by U+FFFD.
    /// </summary>
    public static string Storable(JsonElement element)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, element);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public void Dispose() => document?.Dispose();

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject())
                {
                    writer.WritePropertyName(Clean(member.Name));
                    Write(writer, member.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Clean(StringOf(element)));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static string StringOf(JsonElement element)
    {
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // Escapes that decode to no valid text (a lone surrogate).
            return "\uFFFD";
        }
    }

    private static string Clean(string text)
    {
        if (!text.Contains('\0', StringComparison.Ordinal) && CommandRules.FirstUnprintable(text) is null)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            clean.Append(status != System.Buffers.OperationStatus.Done || rune.Value == 0 ? "\uFFFD" : rune.ToString());
            index += Math.Max(consumed, 1);
        }

        return clean.ToString();
    }

    private static JsonElement? Member(JsonElement element, string name)
    {
        foreach (var member in element.EnumerateObject())
        {
            if (string.Equals(member.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return member.Value;
            }
        }

        return null;
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        _ => "nothing",
    };
}
