using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.TopView;

/// <summary>
/// Maps TopView's query results to the provider-neutral <see cref="ProviderTaskState"/>. Status is <c>init</c>,
/// <c>running</c>, <c>success</c> or <c>fail</c> (the official skill also treats <c>failed</c> as an end); each image or
/// video carries its own status, so a set can succeed in part.
/// </summary>
public static class TopViewStatus
{
    /// <summary>TopView's content-policy code ("security problem detected"), found in a failure's code or message.</summary>
    public const string ContentPolicyCode = "6001";

    public static ProviderTaskState FromStoryboard(TopViewStoryboardTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return ToState(task.Status, task.ErrorMsg, task.CostCredit, task.Images ?? [], ArtifactRoles.Grid);
    }

    public static ProviderTaskState FromVideo(TopViewVideoTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return ToState(task.Status, task.ErrorMsg, task.CostCredit, task.Videos ?? [], ArtifactRoles.Video);
    }

    /// <summary>The neutral phase of a status word; anything undocumented counts as running until the deadline ends it.</summary>
    public static ProviderTaskPhase PhaseOf(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "init" or "queued" or "queuing" or "pending" or "waiting" => ProviderTaskPhase.Queued,
        "success" or "succeeded" => ProviderTaskPhase.Succeeded,
        "fail" or "failed" => ProviderTaskPhase.Failed,
        _ => ProviderTaskPhase.Running,
    };

    private static ProviderTaskState ToState(string? status, string? errorMsg, decimal? costCredit, IReadOnlyList<TopViewResultFile> files,
        string role)
    {
        var phase = PhaseOf(status);
        var ended = phase is ProviderTaskPhase.Succeeded or ProviderTaskPhase.Failed;
        // Items only once the task has succeeded: while it runs, TopView may list placeholders without links.
        var items = phase == ProviderTaskPhase.Succeeded ? files.Select(f => Item(f, role)).ToList() : [];
        string? error = null;
        if (phase == ProviderTaskPhase.Succeeded && items.Count > 0 && items.All(i => !i.Succeeded))
        {
            // Every video of the set failed: nothing to deliver, so the task failed whatever its own status says.
            phase = ProviderTaskPhase.Failed;
            error = items[0].ErrorMessage ?? "TopView reported every result failed";
        }
        else if (phase == ProviderTaskPhase.Failed)
        {
            error = string.IsNullOrWhiteSpace(errorMsg) ? "TopView reported the task failed" : errorMsg;
        }

        var failed = phase == ProviderTaskPhase.Failed;
        return new ProviderTaskState
        {
            Phase = phase,
            ProviderStatus = status ?? "",
            ItemsCompleted = files.Count == 0 ? null : files.Count(f => PhaseOf(f.Status) is ProviderTaskPhase.Succeeded or ProviderTaskPhase.Failed),
            ItemsTotal = files.Count == 0 ? null : files.Count,
            Items = failed ? [] : items,
            ErrorCode = failed ? ErrorCode(error) : null,
            ErrorMessage = failed ? error : null,
            ProviderCode = failed ? (IsContentPolicy(error) ? ContentPolicyCode : status) : null,
            // Final only once the task has ended (0 until then); reported also on failure, 0 included.
            ReportedCost = ended && costCredit is { } cost
                ? new CreditCost { Amount = cost, Unit = "credits", Source = CostSources.Reported }
                : null,
        };
    }

    private static ProviderResultItem Item(TopViewResultFile file, string role)
    {
        var succeeded = PhaseOf(file.Status) == ProviderTaskPhase.Succeeded && !string.IsNullOrEmpty(file.FilePath);
        var error = succeeded ? null : string.IsNullOrWhiteSpace(file.ErrorMsg) ? $"TopView reported this {role} {file.Status ?? "without a file"}" : file.ErrorMsg;
        return new ProviderResultItem
        {
            Role = role,
            Name = file.FileId,
            Url = succeeded ? file.FilePath : null,
            Succeeded = succeeded,
            ErrorMessage = error,
            ProviderCode = succeeded ? null : IsContentPolicy(error) ? ContentPolicyCode : file.Status,
        };
    }

    private static string ErrorCode(string? message) =>
        IsContentPolicy(message) ? GenerationErrorCodes.ContentPolicy : GenerationErrorCodes.ProviderFailed;

    private static bool IsContentPolicy(string? message) =>
        message is not null && message.Contains(ContentPolicyCode, StringComparison.Ordinal);
}
