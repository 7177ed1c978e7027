using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Workers.Components.Intake;

/// <summary>
/// Reads a command's JSON against the shape of its contract type, naming each place by the command's own field names
/// (<c>Shots[1].DurationSeconds</c>, <c>Characters[0].States['winter']</c>), as the rules do.
/// </summary>
/// <remarks>
/// MassTransit's deserializer stops at the first wrong token, and some of its converters lose the path (dictionary values
/// are read by a nested call) or throw other exceptions than <see cref="JsonException"/> (two keys differing only in
/// case). Walking the document names every wrong field at once, whatever the deserializer threw.
/// </remarks>
internal static class CommandShape
{
    private const int MaxReported = 20;

    /// <summary>Each field whose JSON value the contract type cannot take, with what was expected and what came.</summary>
    public static IReadOnlyList<string> TypeProblems(Type type, JsonElement command)
    {
        var problems = new List<string>();
        Walk(type, command, "", problems, onString: null);
        return problems.Count <= MaxReported
            ? problems
            : [.. problems.Take(MaxReported), string.Create(CultureInfo.InvariantCulture, $"… and {problems.Count - MaxReported} more.")];
    }

    /// <summary>The fields whose text contains a NUL character.</summary>
    public static IReadOnlyList<string> FieldsWithNul(Type type, JsonElement command)
    {
        var fields = new List<string>();
        Walk(type, command, "", [], (field, text) =>
        {
            if (text.Contains('\0', StringComparison.Ordinal))
            {
                fields.Add(field);
            }
        });
        return fields;
    }

    /// <summary>The field holding the longest text, and its length; null when the command holds no text.</summary>
    public static (string Field, int Length)? LongestText(Type type, JsonElement command)
    {
        (string Field, int Length)? longest = null;
        Walk(type, command, "", [], (field, text) =>
        {
            if (longest is null || text.Length > longest.Value.Length)
            {
                longest = (field, text.Length);
            }
        });
        return longest;
    }

    /// <summary>Maps a System.Text.Json path (<c>$.shots[0].durationSeconds</c>) to the command's field name.</summary>
    public static string FieldOf(Type type, string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "The command";
        }

        var field = "";
        Type? current = type;
        var i = jsonPath.StartsWith('$') ? 1 : 0;
        while (i < jsonPath.Length)
        {
            string segment;
            if (jsonPath[i] == '.')
            {
                var end = jsonPath.IndexOfAny(['.', '['], i + 1);
                segment = jsonPath[(i + 1)..(end < 0 ? jsonPath.Length : end)];
                i = end < 0 ? jsonPath.Length : end;
            }
            else if (jsonPath.AsSpan(i).StartsWith("['"))
            {
                var end = jsonPath.IndexOf("']", i, StringComparison.Ordinal);
                segment = end < 0 ? jsonPath[(i + 2)..] : jsonPath[(i + 2)..end];
                i = end < 0 ? jsonPath.Length : end + 2;
            }
            else if (jsonPath[i] == '[')
            {
                var end = jsonPath.IndexOf(']', i);
                field += end < 0 ? jsonPath[i..] : jsonPath[i..(end + 1)];
                current = current is null ? null : ItemType(current);
                i = end < 0 ? jsonPath.Length : end + 1;
                continue;
            }
            else
            {
                break;
            }

            if (current is not null && DictionaryValueType(current) is { } valueType)
            {
                field += $"['{segment}']";
                current = valueType;
            }
            else if (current is not null && Property(current, segment) is { } property)
            {
                field = field.Length == 0 ? property.Name : $"{field}.{property.Name}";
                current = property.PropertyType;
            }
            else
            {
                field = field.Length == 0 ? segment : $"{field}.{segment}";
                current = null;
            }
        }

        return field.Length == 0 ? "The command" : field;
    }

    private static void Walk(Type type, JsonElement value, string field, List<string> problems, Action<string, string>? onString)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            // Every member of the contracts is optional; a null is a missing value, for the rules to judge.
            return;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        var name = field.Length == 0 ? "The command" : field;
        if (type == typeof(string))
        {
            if (value.ValueKind == JsonValueKind.String)
            {
                onString?.Invoke(name, value.GetString()!);
            }
            else
            {
                problems.Add(Mismatch(name, "a string", value));
            }
        }
        else if (type == typeof(int))
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out _))
            {
                problems.Add(Mismatch(name, value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number == decimal.Truncate(number)
                    ? "a whole number of at most 2147483647"
                    : "a whole number", value));
            }
        }
        else if (type == typeof(decimal))
        {
            // MassTransit reads decimals from numbers and from numeric strings alike.
            var readable = value.ValueKind == JsonValueKind.Number
                ? value.TryGetDecimal(out _)
                : value.ValueKind == JsonValueKind.String && (string.IsNullOrWhiteSpace(value.GetString())
                    || decimal.TryParse(value.GetString(), NumberStyles.Float | NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out _));
            if (!readable)
            {
                problems.Add(Mismatch(name, value.ValueKind == JsonValueKind.Number ? "a number of at most 28 digits" : "a number", value));
            }
        }
        else if (type == typeof(bool))
        {
            if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                problems.Add(Mismatch(name, "true or false", value));
            }
        }
        else if (DictionaryValueType(type) is { } valueType)
        {
            WalkDictionary(valueType, value, name, problems, onString);
        }
        else if (ItemType(type) is { } itemType)
        {
            if (value.ValueKind != JsonValueKind.Array)
            {
                problems.Add(Mismatch(name, "a list", value));
                return;
            }

            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                Walk(itemType, item, string.Create(CultureInfo.InvariantCulture, $"{name}[{index++}]"), problems, onString);
            }
        }
        else if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Mismatch(name, "an object", value));
        }
        else
        {
            foreach (var member in value.EnumerateObject())
            {
                // Members the contract does not have are ignored, as the deserializer ignores them (newer producers may send more).
                if (Property(type, member.Name) is { } property)
                {
                    Walk(property.PropertyType, member.Value, field.Length == 0 ? property.Name : $"{field}.{property.Name}", problems, onString);
                }
            }
        }
    }

    private static void WalkDictionary(Type valueType, JsonElement value, string name, List<string> problems, Action<string, string>? onString)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Mismatch(name, "an object of named values", value));
            return;
        }

        // MassTransit keeps dictionaries case-insensitive: two keys differing only in case cannot both be read.
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in value.EnumerateObject())
        {
            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                problems.Add($"{name} has a blank key.");
                continue;
            }

            var entryField = $"{name}['{CommandRules.Shorten(entry.Name)}']";
            onString?.Invoke($"{entryField} (its key)", entry.Name);
            if (!keys.Add(entry.Name))
            {
                problems.Add($"{entryField}: the key appears twice (keys are compared ignoring case).");
                continue;
            }

            if (entry.Value.ValueKind == JsonValueKind.Null && valueType == typeof(string))
            {
                problems.Add(Mismatch(entryField, "a string", entry.Value));
                continue;
            }

            Walk(valueType, entry.Value, entryField, problems, onString);
        }
    }

    private static string Mismatch(string field, string expected, JsonElement value) => $"{field}: expected {expected}, got {Describe(value)}.";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"a string (\"{CommandRules.Shorten(value.GetString()!)}\")",
        JsonValueKind.Number => $"a number ({CommandRules.Shorten(value.GetRawText())})",
        JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static PropertyInfo? Property(Type type, string jsonName) =>
        type.GetProperty(jsonName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { CanWrite: true } property
            ? property
            : null;

    private static Type? DictionaryValueType(Type type) =>
        Generic(type, typeof(IReadOnlyDictionary<,>)) is { } arguments && arguments[0] == typeof(string) ? arguments[1] : null;

    private static Type? ItemType(Type type) =>
        type == typeof(string) ? null : Generic(type, typeof(IEnumerable<>))?[0];

    private static Type[]? Generic(Type type, Type openInterface)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == openInterface)
        {
            return type.GetGenericArguments();
        }

        return type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == openInterface)?.GetGenericArguments();
    }
}
