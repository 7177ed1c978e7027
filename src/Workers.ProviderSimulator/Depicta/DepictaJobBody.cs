using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>The 202 answer of <c>POST /v1/generate/story</c> (docs/PROVIDERS.md §4.3).</summary>
internal sealed record DepictaAccepted(
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("poll_url")] string PollUrl,
    [property: JsonPropertyName("status")] string Status);

/// <summary>
/// A job as <c>GET /v1/jobs/{id}</c> returns it (docs/PROVIDERS.md §4.4). <c>result</c> is null until completed; <c>error</c>
/// only on failure and <c>cost_eur</c>/<c>balance_eur</c> only on completion ([ASSUMPTION]).
/// </summary>
internal sealed record DepictaJobBody(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("scenes_completed")] int ScenesCompleted,
    [property: JsonPropertyName("scenes_total")] int ScenesTotal,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("result")] DepictaStoryResult? Result,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DepictaJobErrorBody? Error,
    [property: JsonPropertyName("cost_eur"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CostEur,
    [property: JsonPropertyName("balance_eur"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BalanceEur);

internal sealed record DepictaJobErrorBody(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);

internal sealed record DepictaStoryResult(
    [property: JsonPropertyName("scenes")] IReadOnlyList<DepictaSceneResult> Scenes,
    [property: JsonPropertyName("characters")] IReadOnlyList<DepictaCharacterResult> Characters);

internal sealed record DepictaSceneResult(
    [property: JsonPropertyName("prompt")] string Prompt,
    [property: JsonPropertyName("images")] DepictaSceneImages Images);

internal sealed record DepictaSceneImages(
    [property: JsonPropertyName("png")] string Png,
    [property: JsonPropertyName("jpeg")] string Jpeg,
    [property: JsonPropertyName("webp")] string Webp);

internal sealed record DepictaCharacterResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("reference_url")] string ReferenceUrl);

/// <summary>
/// <c>GET /v1/jobs</c>: the key's recent jobs, newest first. [ASSUMPTION] The list shape is not documented; each entry
/// is the job without its result links.
/// </summary>
internal sealed record DepictaJobList(
    [property: JsonPropertyName("jobs")] IReadOnlyList<DepictaJobSummary> Jobs);

internal sealed record DepictaJobSummary(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("scenes_completed")] int ScenesCompleted,
    [property: JsonPropertyName("scenes_total")] int ScenesTotal,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("poll_url")] string PollUrl);
