using System.Text.Json;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Apikley;

/// <summary>Maps Apikley's task record to the provider-neutral <see cref="ProviderTaskState"/>.</summary>
public static class ApikleyStatus
{
    /// <summary>Apikley's content-policy fail code (the simulator's and kie's); failures without it are read for these words.</summary>
    public const string ContentPolicyFailCode = "400";

    private static readonly string[] ContentWords = ["content", "policy", "policies", "safety", "moderation", "nsfw", "prohibited", "sensitive"];

    public static ProviderTaskState ToState(ApikleyRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var state = record.State ?? "";
        var phase = state switch
        {
            "waiting" or "queuing" => ProviderTaskPhase.Queued,
            "success" => ProviderTaskPhase.Succeeded,
            "fail" => ProviderTaskPhase.Failed,
            // "generating" and anything undocumented: still running; the deadline ends it if it never moves.
            _ => ProviderTaskPhase.Running,
        };
        var failed = phase == ProviderTaskPhase.Failed;
        var failCode = Text(record.FailCode);
        var message = failed ? (string.IsNullOrWhiteSpace(record.FailMsg) ? "Apikley reported the task failed" : record.FailMsg) : null;
        return new ProviderTaskState
        {
            Phase = phase,
            ProviderStatus = state,
            Items = phase == ProviderTaskPhase.Succeeded
                ? [.. ResultUrls(record.ResultJson).Select(url => new ProviderResultItem { Role = ArtifactRoles.Video, Url = url })]
                : [],
            ErrorCode = failed ? ErrorCode(failCode, message!) : null,
            ErrorMessage = message,
            ProviderCode = failed ? (string.IsNullOrEmpty(failCode) ? state : failCode) : null,
            ReportedCost = (record.ConsumeCredits ?? record.CreditsConsumed) is { } credits
                ? new CreditCost { Amount = credits, Unit = "credits", Source = CostSources.Reported }
                : null,
        };
    }

    /// <summary>The URLs of <c>resultJson</c>, a JSON document inside a string; none when it is empty or unreadable.</summary>
    public static IReadOnlyList<string> ResultUrls(string? resultJson)
    {
        if (string.IsNullOrWhiteSpace(resultJson))
        {
            return [];
        }

        try
        {
            var result = JsonSerializer.Deserialize(resultJson, ApikleyJsonContext.Default.ApikleyResult);
            return [.. (result?.ResultUrls ?? []).Where(url => !string.IsNullOrWhiteSpace(url))];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string ErrorCode(string? failCode, string message) =>
        failCode == ContentPolicyFailCode || ContentWords.Any(word => message.Contains(word, StringComparison.OrdinalIgnoreCase))
            ? GenerationErrorCodes.ContentPolicy
            : GenerationErrorCodes.ProviderFailed;

    private static string? Text(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Number } e => e.GetRawText(),
        _ => null,
    };
}
