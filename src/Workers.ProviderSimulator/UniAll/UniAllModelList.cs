using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>The OpenAI list shape of <c>GET /v1/models</c>.</summary>
internal sealed record UniAllModelList(
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("data")] IReadOnlyList<UniAllModelEntry> Data);

internal sealed record UniAllModelEntry(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("owned_by")] string OwnedBy);
