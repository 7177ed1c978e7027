using System.Text.Json;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.TopView;

/// <summary>What both TopView adapters do alike: file ids from the preparation, and the submission's details.</summary>
public static class TopViewSubmissions
{
    public const string NoticeUuid = "noticeUuid";

    public const string BoardId = "boardId";

    public const string BoardTaskIds = "boardTaskIds";

    /// <summary>
    /// The file id uploaded for <paramref name="url"/>. Missing means the preparation did not run to the end: nothing
    /// has been sent, so the submission is refused for now and the preparation runs again.
    /// </summary>
    public static string FileId(IPreparedInputs prepared, string field, string url)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        return prepared.Find(url) ?? throw new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable,
            $"topview: {field} has not been uploaded yet; the preparation runs again first");
    }

    /// <summary>The task id with what the answer added: the callback's uuid and the board's ids.</summary>
    public static ProviderSubmission ToSubmission(TopViewSubmitResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        if (result.NoticeUuid is { Length: > 0 } uuid)
        {
            details[NoticeUuid] = uuid;
        }

        if (result.BoardId is { Length: > 0 } board)
        {
            details[BoardId] = board;
        }

        if (BoardTaskIdsOf(result.BoardTaskIds) is { Length: > 0 } tasks)
        {
            details[BoardTaskIds] = tasks;
        }

        return new ProviderSubmission(result.TaskId!, details.Count == 0 ? null : details);
    }

    /// <summary>The validation errors of the account a command names.</summary>
    public static void ValidateAccount(string? account, TopViewOptions options, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (account is { } name && !options.Accounts.ContainsKey(name))
        {
            errors.Add($"Account '{name}' is not configured for topview.");
        }
    }

    private static string? BoardTaskIdsOf(JsonElement? ids) => ids switch
    {
        { ValueKind: JsonValueKind.Array } array => string.Join(",", array.EnumerateArray()
            .Where(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            .Select(e => e.ToString())),
        { ValueKind: JsonValueKind.String } text => text.GetString(),
        _ => null,
    };
}
