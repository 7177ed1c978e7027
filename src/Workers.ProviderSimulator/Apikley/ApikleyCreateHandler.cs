using System.Text.Json;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Ledger;
using Workers.ProviderSimulator.Scripts;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// <c>POST /api/v1/jobs/createTask</c>: faults, maintenance, auth, feature switch, rate limit, validation, the scripted
/// outcome, credits and running slots, then a new task (and its callback).
/// </summary>
internal sealed class ApikleyCreateHandler(
    ApikleyTaskStore tasks,
    ApikleyAccounts accounts,
    ApikleyRateLimiter rateLimiter,
    ApikleyCallbacks callbacks,
    FileLinks links,
    ScriptBook scripts,
    SubmissionLog submissions,
    CounterBook counters,
    FaultBook faults,
    TimeProvider time,
    IOptions<SimulatorOptions> options)
{
    private const string Provider = SimulatedProviders.Apikley;

    public async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (faults.Draw(Provider, FaultTarget.Submit) is { } fault)
        {
            return fault.Status is { } faultStatus
                ? Reject(ApikleyError.Http(faultStatus, msg: null, fault.RetryAfterSeconds))
                : await faults.HangAsync(context, fault, cancellationToken);
        }

        var settings = options.Value.Apikley;
        var (account, refused) = ApikleyAuth.Admit(context.Request, options);
        if (refused is not null)
        {
            return Reject(refused);
        }

        if (settings.FeatureDisabled)
        {
            return Reject(ApikleyError.FeatureDisabled());
        }

        if (rateLimiter.Refuse(account!) is { } retryAfter)
        {
            return Reject(ApikleyError.RateLimited(settings.RateLimitAsHttp429, retryAfter));
        }

        var (order, invalid) = await ReadAsync(context.Request, cancellationToken);
        if (invalid is not null)
        {
            return Reject(invalid);
        }

        var script = scripts.Take(Provider, order!.Prompt);
        await OutcomeScript.DelaySubmissionAsync(script, time, cancellationToken);

        if (script?.HttpStatus is { } status)
        {
            var scriptedRetryAfter = script.RetryAfterFor(status);
            return Reject(ApikleyError.Http(status, script.Message, scriptedRetryAfter));
        }

        if (script?.Outcome == ScriptOutcome.InsufficientCredits)
        {
            return Reject(ApikleyError.InsufficientCredits(script.Message));
        }

        var task = CreateTask(account!, order, script);
        var endsAt = task.Fate == ApikleyFate.Stuck ? DateTimeOffset.MaxValue : task.EndsAt;
        switch (accounts.TryAdmit(account!, task.Price, task.Charge, endsAt, task.CreatedAt))
        {
            case ApikleyAdmission.InsufficientCredits:
                return Reject(ApikleyError.InsufficientCredits());
            case ApikleyAdmission.TooManyRunning:
                return Reject(ApikleyError.TooManyRunning(settings.MaxRunningTasks));
        }

        tasks.Add(task);
        submissions.Record(new Submission(
            Provider, task.TaskId, account!, ApikleyValidator.Model, order.Prompt, 1, task.CreatedAt, Submission.ClientReferenceOf(context.Request)));
        counters.SubmissionAccepted(Provider, account!);
        if (task.Charge > 0)
        {
            counters.CreditsCharged(Provider, task.Charge);
        }

        callbacks.Schedule(task, links.BaseUrlOf(context.Request));

        if (script?.Outcome == ScriptOutcome.AcceptThenDrop)
        {
            // The task exists and is charged, but the caller never learns its id: the fleet's unknown-outcome path.
            context.Abort();
            return Results.Empty;
        }

        return Results.Json(new ApikleyEnvelope<ApikleyCreated>(ApikleyCodes.Success, "success", new ApikleyCreated(task.TaskId)));
    }

    private static async Task<(ApikleyOrder? Order, ApikleyError? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Any content type is read as JSON, so `curl -d '{…}'` (form-urlencoded by default) works too.
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            return ApikleyValidator.Validate(document.RootElement);
        }
        catch (JsonException e)
        {
            return (null, ApikleyError.Validation($"The request body is not valid JSON: {e.Message}"));
        }
    }

    private ApikleyTask CreateTask(string account, ApikleyOrder order, OutcomeScript? script)
    {
        var settings = options.Value;
        var apikley = settings.Apikley;
        var taskId = tasks.NewTaskId();
        var runFor = OutcomeScript.RunTime(script, () => apikley.Durations[order.NFrames].Pick(taskId, settings.SpeedFactor));
        // [ASSUMPTION] failCode values: 501 is the seed's "generation failed"; content moderation answers 400.
        var (fate, failCode, failMsg) = script?.Outcome switch
        {
            ScriptOutcome.Failed => (ApikleyFate.Fail, "501", script.Message ?? "Generation failed, please try again later."),
            ScriptOutcome.ContentPolicy => (ApikleyFate.Fail, "400", script.Message
                ?? "Your request was rejected by the content moderation system: the prompt or image may violate the content policy."),
            ScriptOutcome.Stuck => (ApikleyFate.Stuck, null, null),
            _ => (ApikleyFate.Succeed, (string?)null, (string?)null),
        };
        return new ApikleyTask(
            taskId,
            account,
            order,
            time.GetUtcNow(),
            runFor * apikley.WaitingFraction,
            runFor * (apikley.WaitingFraction + apikley.QueuingFraction),
            runFor,
            fate,
            failCode,
            failMsg,
            apikley.Prices[order.NFrames]);
    }

    private IResult Reject(ApikleyError error)
    {
        counters.SubmissionRejected(Provider, error.CountedStatus);
        return error.ToResult();
    }
}
