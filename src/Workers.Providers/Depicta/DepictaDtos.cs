using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workers.Providers.Depicta;

/// <summary>The 202 answer to a story submission.</summary>
public sealed record DepictaSubmitAnswer
{
    public string? JobId { get; init; }

    /// <summary>Where to poll: absolute in the API reference, relative in the Stories guide.</summary>
    public string? PollUrl { get; init; }

    public string? Status { get; init; }
}

/// <summary>A job as <c>GET /v1/jobs/{id}</c> returns it; the entries of <c>GET /v1/jobs</c> carry its first fields and <c>poll_url</c>.</summary>
public sealed record DepictaJob
{
    public string? Id { get; init; }

    public string? Type { get; init; }

    public string? Model { get; init; }

    public string? Status { get; init; }

    public int? ScenesCompleted { get; init; }

    public int? ScenesTotal { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public string? PollUrl { get; init; }

    /// <summary>Null until the job is completed.</summary>
    public DepictaStoryResult? Result { get; init; }

    public DepictaJobError? Error { get; init; }

    /// <summary>A decimal string such as <c>"0.090000"</c>.</summary>
    public string? CostEur { get; init; }

    public string? BalanceEur { get; init; }
}

public sealed record DepictaStoryResult
{
    public IReadOnlyList<DepictaSceneResult>? Scenes { get; init; }

    public IReadOnlyList<DepictaCharacterResult>? Characters { get; init; }
}

public sealed record DepictaSceneResult
{
    public string? Prompt { get; init; }

    /// <summary>Format (<c>png</c>, <c>jpeg</c>, <c>webp</c>) → signed URL.</summary>
    public IReadOnlyDictionary<string, string>? Images { get; init; }
}

public sealed record DepictaCharacterResult
{
    public string? Name { get; init; }

    public string? ReferenceUrl { get; init; }
}

public sealed record DepictaJobError
{
    public string? Code { get; init; }

    public string? Message { get; init; }
}

/// <summary>The answer of <c>GET /v1/jobs?limit=N</c>: the key's recent jobs, newest first.</summary>
public sealed record DepictaJobList
{
    public IReadOnlyList<DepictaJob>? Jobs { get; init; }
}

/// <summary>Depicta's error body <c>{ error, message, details, request_id }</c> (https://depicta.ai/docs/reference/error-codes/).</summary>
public sealed record DepictaErrorBody
{
    public string? Error { get; init; }

    public string? Message { get; init; }

    /// <summary>Anything; for a 400 a list of <c>{ field, message }</c>.</summary>
    public JsonElement? Details { get; init; }

    public string? RequestId { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DepictaStoryRequest))]
[JsonSerializable(typeof(DepictaSubmitAnswer))]
[JsonSerializable(typeof(DepictaJob))]
[JsonSerializable(typeof(DepictaJobList))]
[JsonSerializable(typeof(DepictaErrorBody))]
public sealed partial class DepictaJsonContext : JsonSerializerContext;
