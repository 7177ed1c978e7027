using System.Text.Json;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.TopView;

/// <summary>
/// Reads TopView's <c>noticeUrl</c> callbacks. TopView signs nothing; its only marks are the <c>Topview-Uid</c> header
/// and the task's ids, so a callback counts only when the header is the account's uid, the task id is this task's and
/// the uuid is the one the submission was given. Its status is never trusted: the fleet polls the task.
/// </summary>
public sealed class TopViewCallbackReceiver(IOptionsMonitor<TopViewOptions> options) : IProviderCallbackReceiver
{
    public const string UidHeader = "Topview-Uid";

    public string Provider => ProviderNames.TopView;

    public CallbackVerdict Read(ProviderCallback callback, ProviderTaskRef task)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(task);
        var expectedUuid = task.Details.GetValueOrDefault(TopViewSubmissions.NoticeUuid);
        if (!options.CurrentValue.Accounts.TryGetValue(task.Account, out var account))
        {
            return Refuse(400, $"account '{task.Account}' is not configured", expectedUuid ?? "", "");
        }

        var notice = Parse(callback.Body);
        if (notice is null)
        {
            return Refuse(400, "the body is not TopView's notice JSON", expectedUuid ?? "", account.Uid);
        }

        var uuid = notice.Uuid ?? "";
        var uid = callback.Header(UidHeader);
        if (!string.Equals(uid, account.Uid, StringComparison.Ordinal))
        {
            return Refuse(401, $"{UidHeader} '{uid}' is not the account's uid", uuid, account.Uid);
        }

        if (!string.Equals(notice.TaskId, task.TaskId, StringComparison.Ordinal))
        {
            return Refuse(401, $"taskId '{notice.TaskId}' is not task {task.TaskId}", uuid, account.Uid);
        }

        if (expectedUuid is not null && !string.Equals(uuid, expectedUuid, StringComparison.Ordinal))
        {
            return Refuse(401, $"uuid '{uuid}' is not the submission's noticeUuid", uuid, account.Uid);
        }

        return new CallbackVerdict
        {
            Accepted = true,
            DeduplicationKey = $"{uuid}:{notice.Status}",
            StatusCode = 200,
            ResponseJson = Ack(uuid, account.Uid, "success"),
        };
    }

    /// <summary>The envelope TopView expects back; <paramref name="verdict"/> is <c>success</c> or <c>fail</c>.</summary>
    public static string Ack(string uuid, string uid, string verdict) => JsonSerializer.Serialize(new TopViewNoticeAck
    {
        Code = "200",
        Message = "Success",
        Result = new TopViewNoticeAckResult { Uuid = uuid, TopviewUid = uid, Result = verdict },
    }, TopViewJsonContext.Default.TopViewNoticeAck);

    private static TopViewNotice? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return body.IsEmpty ? null : JsonSerializer.Deserialize(body.Span, TopViewJsonContext.Default.TopViewNotice);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CallbackVerdict Refuse(int status, string reason, string uuid, string uid) => new()
    {
        Accepted = false,
        Reason = reason,
        StatusCode = status,
        ResponseJson = Ack(uuid, uid, "fail"),
    };
}
