using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workers.Providers.TopView;

/// <summary>Reads TopView's envelope <c>code</c>, a string by the docs, also when a gateway sends it as a number.</summary>
public sealed class TopViewCodeConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => reader.TryGetInt64(out var number)
            ? number.ToString(CultureInfo.InvariantCulture)
            : reader.GetDouble().ToString(CultureInfo.InvariantCulture),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"TopView's code is a {reader.TokenType}, not a string."),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
