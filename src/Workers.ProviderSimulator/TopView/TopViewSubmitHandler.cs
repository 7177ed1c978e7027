using System.Globalization;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Ledger;
using Workers.ProviderSimulator.Scripts;

namespace Workers.ProviderSimulator.TopView;

/// <summary>
/// The submit endpoints of both task kinds: auth, validation, uploaded-file checks, the scripted outcome, the
/// per-uid credit and concurrency admission, then a new task (and its callback).
/// </summary>
internal sealed class TopViewSubmitHandler(
    TopViewTaskStore tasks,
    TopViewUploads uploads,
    TopViewAccounts accounts,
    TopViewNotices notices,
    ScriptBook scripts,
    SubmissionLog submissions,
    CounterBook counters,
    FaultBook faults,
    TimeProvider time,
    IOptions<SimulatorOptions> options)
{
    private const string Provider = SimulatedProviders.TopView;

    public async Task<IResult> HandleAsync(HttpContext context, TopViewTaskKind kind, CancellationToken cancellationToken)
    {
        if (faults.Draw(Provider, FaultTarget.Submit) is { } fault)
        {
            return fault.Status is { } faultStatus
                ? Reject(TopViewError.ForHttpStatus(faultStatus, message: null), faultStatus, fault.RetryAfterSeconds)
                : await faults.HangAsync(context, fault, cancellationToken);
        }

        if (TopViewAuth.Uid(context.Request, options) is not { } uid)
        {
            return Reject(TopViewError.Unauthorized());
        }

        var (body, readError) = await TopViewJsonBody.ReadAsync(context.Request, cancellationToken);
        if (readError is not null)
        {
            return Reject(readError);
        }

        var settings = options.Value.TopView;
        var (order, invalid) = kind == TopViewTaskKind.Storyboard
            ? TopViewStoryboardValidator.Validate(body!, settings)
            : TopViewVideoValidator.Validate(body!, settings);
        if ((invalid ?? FileError(order!, uid)) is { } error)
        {
            return Reject(error);
        }

        var script = scripts.Take(Provider, order!.PromptText);
        await OutcomeScript.DelaySubmissionAsync(script, time, cancellationToken);

        if (script?.HttpStatus is { } status)
        {
            var retryAfter = script.RetryAfterFor(status);
            return Reject(TopViewError.ForHttpStatus(status, script.Message), status, retryAfter);
        }

        if (script?.Outcome == ScriptOutcome.InsufficientCredits)
        {
            return Reject(TopViewError.CreditNotEnough(script.Message));
        }

        var task = CreateTask(uid, order, script);
        switch (accounts.Admit(uid, task.CreatedAt, task.EndsAt, order.Price, task.Cost))
        {
            case TopViewAdmission.CreditNotEnough:
                return Reject(TopViewError.CreditNotEnough());
            case TopViewAdmission.TooManyUnfinished:
                return Reject(TopViewError.UnfinishedTask(settings.MaxUnfinishedTasksPerUid));
        }

        tasks.Add(task);
        submissions.Record(new Submission(
            Provider, task.TaskId, uid, order.ModelCode, order.PromptText, order.Count, task.CreatedAt, Submission.ClientReferenceOf(context.Request)));
        counters.SubmissionAccepted(Provider, uid);
        if (task.Cost > 0)
        {
            counters.CreditsCharged(Provider, task.Cost);
        }

        notices.Schedule(task, context.Request);

        if (script?.Outcome == ScriptOutcome.AcceptThenDrop)
        {
            // The task exists and is charged, but the caller never learns its id: the fleet's unknown-outcome path.
            context.Abort();
            return Results.Empty;
        }

        return TopViewEnvelope.Ok(new TopViewSubmitResult(
            task.TaskId,
            TopViewTaskState.Success,
            ErrorMsg: null,
            SubTaskId: null,
            task.BoardTaskId is { } boardTaskId ? [boardTaskId] : null,
            order.BoardId,
            task.NoticeUuid));
    }

    /// <summary>Every referenced fileId must be this uid's, uploaded (4004 otherwise) and an image (4000).</summary>
    private TopViewError? FileError(TopViewOrder order, string uid)
    {
        foreach (var fileId in order.FileIds)
        {
            if (uploads.Find(fileId) is not { } upload || upload.Uid != uid || !upload.IsUploaded)
            {
                return TopViewError.NotFound($"File not found: {fileId}. Upload it first (/v1/upload/credential, PUT, /v1/upload/check).");
            }

            if (upload.Kind != TopViewMediaKind.Image)
            {
                return TopViewError.Invalid($"File {fileId} is not an image ({upload.Format}).");
            }
        }

        return null;
    }

    private TopViewTask CreateTask(string uid, TopViewOrder order, OutcomeScript? script)
    {
        var settings = options.Value;
        var taskId = Guid.NewGuid().ToString("N");
        var durations = order.Kind == TopViewTaskKind.Storyboard ? settings.TopView.StoryboardDurations : settings.TopView.VideoDurations;
        var runFor = OutcomeScript.RunTime(script, () => durations[order.ModelCode].Pick(taskId, settings.SpeedFactor));
        var (fate, failedItems, message) = script?.Outcome switch
        {
            ScriptOutcome.Failed => (TopViewFate.Fail, 0, script.Message ?? "Internal server error: generation failed."),
            ScriptOutcome.ContentPolicy => (TopViewFate.Fail, 0, script.Message
                ?? "Security problem detected (6001): the input may violate the content policy."),
            ScriptOutcome.Stuck => (TopViewFate.Stuck, 0, null),

            // With one item (every storyboard, generatingCount 1) failing the first item is failing the task.
            ScriptOutcome.PartialFailure when order.Count < 2 => (TopViewFate.Fail, 0, script.Message ?? PartialFailureMessage(order)),
            ScriptOutcome.PartialFailure => (TopViewFate.Succeed, 1, script.Message ?? PartialFailureMessage(order)),
            _ => (TopViewFate.Succeed, 0, (string?)null),
        };
        return new TopViewTask(
            taskId,
            uid,
            order,
            time.GetUtcNow(),
            runFor * settings.TopView.InitFraction,
            runFor,
            fate,
            failedItems,
            message,
            fate == TopViewFate.Succeed ? order.PriceOf(order.Count - failedItems) : 0m,
            order.BoardId is null ? null : Guid.NewGuid().ToString("N"),
            order.NoticeUrl is null ? null : Guid.NewGuid().ToString());
    }

    private static string PartialFailureMessage(TopViewOrder order) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{(order.Kind == TopViewTaskKind.Storyboard ? "image" : "video")} 1 of {order.Count} failed to render.");

    private IResult Reject(TopViewError error, int httpStatus = StatusCodes.Status200OK, int? retryAfterSeconds = null)
    {
        counters.SubmissionRejected(Provider, httpStatus == StatusCodes.Status200OK ? error.StandsFor : httpStatus);
        return error.ToResult(httpStatus, retryAfterSeconds);
    }
}
