using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Ledger;
using Workers.ProviderSimulator.Scripts;

namespace Workers.ProviderSimulator.UniAll;

/// <summary><c>POST /v1/images/tasks</c>: auth, validation, the scripted outcome, then a new task.</summary>
internal sealed class UniAllSubmitHandler(
    UniAllTaskStore tasks,
    ScriptBook scripts,
    SubmissionLog submissions,
    CounterBook counters,
    FaultBook faults,
    UniAllRateLimiter rateLimiter,
    TimeProvider time,
    IOptions<SimulatorOptions> options)
{
    private const string Provider = SimulatedProviders.UniAll;

    public async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (faults.Draw(Provider, FaultTarget.Submit) is { } fault)
        {
            return fault.Status is { } faultStatus
                ? Reject(UniAllError.Rejected(faultStatus, message: null), fault.RetryAfterSeconds)
                : await faults.HangAsync(context, fault, cancellationToken);
        }

        if (UniAllAuth.Account(context.Request, options) is not { } account)
        {
            return Reject(UniAllError.Unauthorized());
        }

        if (rateLimiter.Refuse(account) is { } retryAfter)
        {
            return Reject(UniAllError.RateLimited(options.Value.UniAll.RequestsPerMinute), retryAfter);
        }

        var (request, readError) = await UniAllRequestReader.ReadAsync(context.Request, cancellationToken);
        if (readError is not null)
        {
            return Reject(readError);
        }

        var (order, invalid) = UniAllValidator.Validate(request!);
        if (invalid is not null)
        {
            return Reject(invalid);
        }

        var script = scripts.Take(Provider, order!.Prompt);
        await OutcomeScript.DelaySubmissionAsync(script, time, cancellationToken);

        if (script?.HttpStatus is { } status)
        {
            return Reject(UniAllError.Rejected(status, script.Message), script.RetryAfterFor(status));
        }

        if (script?.Outcome == ScriptOutcome.InsufficientCredits)
        {
            return Reject(UniAllError.InsufficientQuota(script.Message));
        }

        var task = CreateTask(account, order, script);
        tasks.Add(task);
        submissions.Record(new Submission(
            Provider, task.TaskId, account, order.Model.Id, order.Prompt, order.N, task.CreatedAt, Submission.ClientReferenceOf(context.Request)));
        counters.SubmissionAccepted(Provider, account);

        if (script?.Outcome == ScriptOutcome.AcceptThenDrop)
        {
            // The task exists and is charged, but the caller never learns its id: the fleet's unknown-outcome path.
            context.Abort();
            return Results.Empty;
        }

        return Results.Json(new UniAllTaskBody(
            task.TaskId,
            UniAllStatuses.Queued,
            "0%",
            ResultUrl: null,
            new UniAllTaskMetadata(order.TaskType, ResultCount: 0, ResultUrls: null),
            Error: null));
    }

    private UniAllTask CreateTask(string account, UniAllOrder order, OutcomeScript? script)
    {
        var settings = options.Value;
        var taskId = $"task_{Guid.NewGuid():N}";
        var runFor = OutcomeScript.RunTime(script, () => settings.UniAll.Durations[order.Model.Id].Pick(taskId, settings.SpeedFactor));
        var (fate, message) = script?.Outcome switch
        {
            ScriptOutcome.Failed => (UniAllFate.Fail, script.Message ?? "Image generation failed upstream."),
            ScriptOutcome.ContentPolicy => (UniAllFate.Fail, script.Message
                ?? "Your request was rejected by the safety system: the prompt may contain content that is not allowed."),
            ScriptOutcome.Stuck => (UniAllFate.Stuck, null),
            _ => (UniAllFate.Succeed, (string?)null),
        };
        return new UniAllTask(
            taskId,
            account,
            order,
            time.GetUtcNow(),
            runFor * settings.UniAll.QueuedFraction,
            runFor,
            fate,
            message);
    }

    private IResult Reject(UniAllError error, int? retryAfterSeconds = null)
    {
        counters.SubmissionRejected(Provider, error.Status);
        return error.ToResult(retryAfterSeconds);
    }
}
