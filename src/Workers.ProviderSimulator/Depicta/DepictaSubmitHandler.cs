using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Ledger;
using Workers.ProviderSimulator.Scripts;

namespace Workers.ProviderSimulator.Depicta;

/// <summary><c>POST /v1/generate/story</c>: auth, the concurrency limit, validation, credit, the scripted outcome, then a new job.</summary>
internal sealed class DepictaSubmitHandler(
    DepictaJobStore jobs,
    DepictaWallet wallet,
    DepictaConcurrencyGate gate,
    ScriptBook scripts,
    SubmissionLog submissions,
    CounterBook counters,
    FaultBook faults,
    TimeProvider time,
    IOptions<SimulatorOptions> options)
{
    /// <summary>Header carrying the job id on generation responses (docs/PROVIDERS.md §4.3).</summary>
    public const string JobIdHeader = "X-Depicta-Job-Id";

    private const string Provider = SimulatedProviders.Depicta;

    public async Task<IResult> HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        if (faults.Draw(Provider, FaultTarget.Submit) is { } fault)
        {
            return fault.Status is { } faultStatus
                ? Reject(response, DepictaError.WithStatus(faultStatus, message: null), fault.RetryAfterSeconds)
                : await faults.HangAsync(context, fault, cancellationToken);
        }

        if (DepictaAuth.Account(context.Request, options) is not { } account)
        {
            return Reject(response, DepictaError.Unauthorized());
        }

        using var lease = gate.Enter(account);
        if (!lease.IsAcquired)
        {
            return Reject(response, DepictaError.RateLimited(), options.Value.Depicta.RateLimitRetryAfterSeconds);
        }

        var (request, readError) = await DepictaRequestReader.ReadAsync(context.Request, cancellationToken);
        if (readError is not null)
        {
            return Reject(response, readError);
        }

        var (story, invalid) = DepictaValidator.Validate(request!);
        if (invalid is not null)
        {
            return Reject(response, invalid);
        }

        if (!wallet.HasMinimum(account))
        {
            return Reject(response, DepictaError.CreditInsufficient());
        }

        var script = scripts.Take(Provider, story!.PromptText);
        await OutcomeScript.DelaySubmissionAsync(script, time, cancellationToken);

        if (script?.HttpStatus is { } status)
        {
            var retryAfter = script.RetryAfterFor(status);
            return Reject(response, DepictaError.WithStatus(status, script.Message), retryAfter);
        }

        switch (script?.Outcome)
        {
            case ScriptOutcome.InsufficientCredits:
                return Reject(response, DepictaError.CreditInsufficient(script.Message));
            case ScriptOutcome.ContentPolicy when options.Value.Depicta.RejectContentAtSubmit:
                return Reject(response, DepictaError.Rejected(script.Message));
        }

        if (CreateJob(account, story, script) is not { } job)
        {
            return Reject(response, DepictaError.CreditInsufficient("Insufficient credit for this story: the balance is below its cost."));
        }

        jobs.Add(job);
        submissions.Record(new Submission(
            Provider, job.Id, account, story.Model.Id, story.PromptText, story.Scenes.Count, job.CreatedAt, Submission.ClientReferenceOf(context.Request)));
        counters.SubmissionAccepted(Provider, account);
        if (job.CostEur > 0)
        {
            counters.CreditsCharged(Provider, job.CostEur);
        }

        if (script?.Outcome == ScriptOutcome.AcceptThenDrop)
        {
            // The job exists and is charged, but the caller never learns its id: the fleet's unknown-outcome path
            // (GET /v1/jobs is how a Depicta client recovers it).
            context.Abort();
            return Results.Empty;
        }

        response.Headers[JobIdHeader] = job.Id;
        return Results.Json(
            new DepictaAccepted(job.Id, DepictaEndpoints.PollUrl(context.Request, job.Id, options.Value.Depicta.PollUrlStyle), DepictaStatuses.Pending),
            statusCode: StatusCodes.Status202Accepted);
    }

    /// <summary>The new job, charged if it will complete; null when the balance does not cover it.</summary>
    private DepictaJob? CreateJob(string account, DepictaStory story, OutcomeScript? script)
    {
        var settings = options.Value;
        var id = Guid.NewGuid().ToString();
        var runFor = OutcomeScript.RunTime(script, () => RunTime(id, story, settings));
        var (fate, failure) = script?.Outcome switch
        {
            ScriptOutcome.Failed => (DepictaFate.Fail, new DepictaJobFailure("generation_failed", script.Message ?? "Story generation failed.")),
            ScriptOutcome.ContentPolicy => (DepictaFate.Fail, new DepictaJobFailure(
                DepictaError.ContentRejected, script.Message ?? "A scene was rejected by content classification.")),
            ScriptOutcome.Stuck => (DepictaFate.Stuck, null),
            _ => (DepictaFate.Complete, (DepictaJobFailure?)null),
        };

        // Only a job that will complete is charged: the fate is decided here, and failed jobs cost nothing.
        var cost = fate == DepictaFate.Complete ? story.Scenes.Count * settings.Depicta.PricePerSceneImageEur : 0m;
        if (wallet.TryCharge(account, cost) is not { } balance)
        {
            return null;
        }

        return new DepictaJob(
            id,
            account,
            story,
            time.GetUtcNow(),
            runFor * settings.Depicta.PendingFraction,
            runFor,
            fate,
            failure,
            cost,
            balance);
    }

    /// <summary>The model's time per image, picked per image, over every portrait and scene.</summary>
    private static TimeSpan RunTime(string id, DepictaStory story, SimulatorOptions settings)
    {
        var perImage = settings.Depicta.SecondsPerImage[story.Model.Id];
        return Enumerable.Range(0, story.ImageCount)
            .Select(image => perImage.Pick($"{id}#{image}", settings.SpeedFactor))
            .Aggregate(TimeSpan.Zero, (total, next) => total + next);
    }

    private IResult Reject(HttpResponse response, DepictaError error, int? retryAfterSeconds = null)
    {
        counters.SubmissionRejected(Provider, error.Status);
        return error.ToResult(response, retryAfterSeconds);
    }
}
