using System.Text.Json;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Callbacks;

namespace Workers.ProviderSimulator.TopView;

/// <summary>
/// The <c>noticeUrl</c> callbacks of docs/PROVIDERS.md §0.3: one POST when a task ends, with the <c>Topview-Uid</c> header and
/// the query result embedded; acknowledged only by the documented echo reply; retried as assumed (1 s, 2 s, 4 s).
/// </summary>
internal sealed class TopViewNotices(
    CallbackDispatcher dispatcher,
    TopViewTaskStore tasks,
    TopViewResults results,
    IOptions<SimulatorOptions> options)
{
    public const string StoryboardBizType = "COMMON_TASK_STORYBOARD";
    public const string ImageToVideoBizType = "COMMON_TASK_IMAGE2VIDEO";

    /// <summary>Schedules the callback of <paramref name="task"/> for its end; stuck tasks never call back.</summary>
    /// <param name="task">A task with a notice URL and uuid.</param>
    /// <param name="submit">The submit request, whose scheme and host the callback's links use.</param>
    public void Schedule(TopViewTask task, HttpRequest submit)
    {
        if (task.Order.NoticeUrl is not { } url || task.NoticeUuid is not { } uuid || task.Fate == TopViewFate.Stuck)
        {
            return;
        }

        var linkBase = LinkBaseOf(submit);
        dispatcher.Schedule(task.RunFor, () =>
        {
            // Gone after a reset: nothing to report.
            if (tasks.Find(task.TaskId) != task)
            {
                return null;
            }

            // The state at the task's end, not the clock's now: the dispatcher's timer and the clock may disagree.
            var status = TopViewTaskState.At(task, task.EndsAt);
            var result = results.Build(task, status, linkBase, cloudFront: false);
            var genuine = Message(task, url, task.Uid, new TopViewNotice(uuid, BizType(task), task.TaskId, status, ErrorMsg(task, status), result));
            var forgedStatus = status == TopViewTaskState.Success ? TopViewTaskState.Fail : TopViewTaskState.Success;
            var forged = Message(
                task,
                url,
                "forged-" + task.Uid,
                new TopViewNotice(uuid, BizType(task), task.TaskId, forgedStatus, ErrorMsg(task, forgedStatus), result));
            return genuine with { Forged = forged };
        });
    }

    /// <summary>
    /// The receiver contract (docs/PROVIDERS.md §0.3): HTTP 2xx and <c>{ "code":"200", "result": { "uuid", "topviewUid", "result":"success" } }</c>
    /// echoing this callback's uuid and uid.
    /// </summary>
    public static bool IsAcknowledged(int status, string body, string uuid, string uid)
    {
        if (status is < 200 or > 299)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && Text(root, "code") == TopViewCodes.Success
                && root.TryGetProperty("result", out var result)
                && result.ValueKind == JsonValueKind.Object
                && Text(result, "uuid") == uuid
                && Text(result, "topviewUid") == uid
                && Text(result, "result") == "success";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private CallbackMessage Message(TopViewTask task, Uri url, string uidHeader, TopViewNotice notice) =>
        new(
            SimulatedProviders.TopView,
            task.TaskId,
            url,
            JsonSerializer.SerializeToUtf8Bytes(notice),
            new Dictionary<string, string> { [TopViewAuth.UidHeader] = uidHeader },
            (status, body) => IsAcknowledged(status, body, notice.Uuid, task.Uid),
            options.Value.TopView.CallbackRetryDelays);

    private static string BizType(TopViewTask task) =>
        task.Kind == TopViewTaskKind.Storyboard ? StoryboardBizType : ImageToVideoBizType;

    private static string? ErrorMsg(TopViewTask task, string status) =>
        status == TopViewTaskState.Fail ? task.FailureMessage ?? "Task failed." : null;

    /// <summary>A request carrying only the submit's scheme, host and path base: what <c>FileLinks</c> needs once the submit is over.</summary>
    private static HttpRequest LinkBaseOf(HttpRequest submit)
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = submit.Scheme;
        request.Host = submit.Host;
        request.PathBase = submit.PathBase;
        return request;
    }
}
