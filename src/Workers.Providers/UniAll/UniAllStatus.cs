using System.Globalization;
using System.Text.Json;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.UniAll;

/// <summary>Maps UniAll's task object to the provider-neutral <see cref="ProviderTaskState"/>.</summary>
public static class UniAllStatus
{
    public static ProviderTaskState ToState(UniAllTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var status = task.Status ?? "";
        var phase = status switch
        {
            "queued" => ProviderTaskPhase.Queued,
            "succeeded" => ProviderTaskPhase.Succeeded,
            "failed" => ProviderTaskPhase.Failed,
            // "processing" and anything undocumented: still running; the deadline ends it if it never moves.
            _ => ProviderTaskPhase.Running,
        };
        var error = phase == ProviderTaskPhase.Failed ? ErrorText(task.Error) ?? "UniAll reported the task failed" : null;
        return new ProviderTaskState
        {
            Phase = phase,
            ProviderStatus = status,
            Percent = ParsePercent(task.Progress),
            Items = [.. ResultUrls(task).Select(url => new ProviderResultItem { Role = ArtifactRoles.Image, Url = url })],
            ErrorCode = error is null ? null : ErrorCode(error),
            ErrorMessage = error,
            ProviderCode = phase == ProviderTaskPhase.Failed ? ProviderCode(task.Error) ?? status : null,
        };
    }

    /// <summary><c>"NN%"</c> → NN; null when absent or unreadable.</summary>
    public static int? ParsePercent(string? progress)
    {
        var text = progress?.Trim().TrimEnd('%');
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? Math.Clamp(value, 0, 100) : null;
    }

    private static IReadOnlyList<string> ResultUrls(UniAllTask task)
    {
        if (task.Metadata?.ResultUrls is { Count: > 0 } urls)
        {
            return urls;
        }

        return task.ResultUrl is { Length: > 0 } url ? [url] : [];
    }

    private static string ErrorCode(string message) =>
        message.Contains("content", StringComparison.OrdinalIgnoreCase) && message.Contains("polic", StringComparison.OrdinalIgnoreCase)
        || message.Contains("safety", StringComparison.OrdinalIgnoreCase)
            ? GenerationErrorCodes.ContentPolicy
            : GenerationErrorCodes.ProviderFailed;

    private static string? ErrorText(JsonElement? error) => error switch
    {
        { ValueKind: JsonValueKind.String } e => e.GetString(),
        { ValueKind: JsonValueKind.Object } e when e.TryGetProperty("message", out var m) => m.ToString(),
        { ValueKind: JsonValueKind.Object } e => e.GetRawText(),
        _ => null,
    };

    private static string? ProviderCode(JsonElement? error) =>
        error is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty("code", out var code) ? code.ToString() : null;
}
