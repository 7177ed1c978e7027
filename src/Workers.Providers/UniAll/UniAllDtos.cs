using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workers.Providers.UniAll;

/// <summary>The body of <c>POST /v1/images/tasks</c>.</summary>
public sealed record UniAllSubmitRequest
{
    public required string Model { get; init; }

    public required string Prompt { get; init; }

    public string? TaskType { get; init; }

    public string? Image { get; init; }

    public IReadOnlyList<string>? Images { get; init; }

    public string? Size { get; init; }

    public string? AspectRatio { get; init; }

    public string? Quality { get; init; }

    public int? N { get; init; }

    public string? OutputFormat { get; init; }

    public string ResponseFormat { get; init; } = "url";
}

/// <summary>A task as UniAll returns it: bare on submit, inside <see cref="UniAllEnvelope"/> on query.</summary>
public sealed record UniAllTask
{
    public string? TaskId { get; init; }

    public string? Status { get; init; }

    public string? Progress { get; init; }

    public string? ResultUrl { get; init; }

    public UniAllTaskMetadata? Metadata { get; init; }

    /// <summary>A message string, or an object with <c>code</c>/<c>message</c> (both have been seen on new-api gateways).</summary>
    public JsonElement? Error { get; init; }
}

public sealed record UniAllTaskMetadata
{
    public string? TaskType { get; init; }

    public int? ResultCount { get; init; }

    public IReadOnlyList<string>? ResultUrls { get; init; }
}

/// <summary>The query wrapper <c>{ code, message, data }</c>, also used for task-path errors.</summary>
public sealed record UniAllEnvelope
{
    public string? Code { get; init; }

    public string? Message { get; init; }

    public UniAllTask? Data { get; init; }
}

/// <summary>The OpenAI-style error body <c>{ "error": { message, type, code } }</c>.</summary>
public sealed record UniAllErrorBody
{
    public UniAllError? Error { get; init; }
}

public sealed record UniAllError
{
    public string? Message { get; init; }

    public string? Type { get; init; }

    public JsonElement? Code { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UniAllSubmitRequest))]
[JsonSerializable(typeof(UniAllTask))]
[JsonSerializable(typeof(UniAllEnvelope))]
[JsonSerializable(typeof(UniAllErrorBody))]
public sealed partial class UniAllJsonContext : JsonSerializerContext;
