using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.Components.Callbacks;
using Workers.Components.Intake;
using Workers.Components.Outcomes;
using Workers.Components.Polling;
using Workers.Components.Scheduling;
using Workers.Components.Topology;
using Workers.Contracts;
using Workers.Persistence.Generations;
using Workers.Providers.Abstractions;

namespace Workers.Components.Submission;

/// <summary>
/// Validates a command and submits it to its provider under the paid-submission protocol: record the intent,
/// prepare the inputs (uploads; free and resumable), call the provider, record the task id, schedule the first poll,
/// ack. Never holds the message while the task runs.
/// </summary>
public sealed partial class SubmitGenerationConsumer<TCommand>(
    IEnumerable<IGenerationProvider<TCommand>> providers,
    ProviderTaskReaders readers,
    GenerationStore store,
    AcceptedTasks accepted,
    IDelayedMessageScheduler scheduler,
    CallbackUrls callbackUrls,
    ICommandRejections rejections,
    IOptions<FleetOptions> fleet,
    TimeProvider clock,
    ILogger<SubmitGenerationConsumer<TCommand>> logger) : IConsumer<TCommand>
    where TCommand : class, IGenerationCommand
{
    private static readonly string Kind = CommandKinds.Of<TCommand>();

    public async Task Consume(ConsumeContext<TCommand> context)
    {
        var command = context.Message;
        var ct = context.CancellationToken;
        var providerName = command.Provider is { Length: > 0 } named ? named : fleet.Value.DefaultProviders.GetValueOrDefault(Kind);
        var provider = providers.FirstOrDefault(p => p.Provider == providerName);
        if (CommandRules.RequestIdProblem(command.RequestId) is { } idProblem)
        {
            LogRejected(command.RequestId, idProblem);
            await context.PublishRejected(command, Kind, idProblem).ConfigureAwait(false);
            return;
        }

        if (provider is null)
        {
            // Recorded, so the same id sent again gets the same answer.
            await rejections.RejectAsync(context, CommandRejection.Of(command, Kind, providerName ?? "",
                string.IsNullOrEmpty(providerName)
                    ? $"Provider is required: no default {Kind} provider is configured."
                    : $"Provider '{providerName}' does not serve {Kind} commands here.")).ConfigureAwait(false);
            return;
        }

        var row = await store.FindAsync(command.RequestId, ct).ConfigureAwait(false)
            ?? await RecordIntentAsync(command, provider, ct).ConfigureAwait(false);
        if (row.IsTerminal)
        {
            // A repeated command after the end: the producer may have missed the outcome, so say it again.
            await context.PublishFinal(row).ConfigureAwait(false);
            return;
        }

        if (!SameRequest(row, command))
        {
            // An idempotency key names one request: a resend with other content is refused, and the original goes on.
            LogRefusedResend(command.RequestId);
            await context.Publish(new GenerationCommandRefused
            {
                RequestId = command.RequestId,
                Kind = Kind,
                Provider = provider.Provider,
                Message = $"Request {command.RequestId} is already under way with different content; a RequestId names one request. "
                    + "The original goes on; use a new RequestId for a different request.",
                Tags = command.Tags,
            }, ct).ConfigureAwait(false);
            return;
        }

        var (lease, heldUntil) = await store.TryTakeLeaseAsync(command.RequestId, TimeSpan.FromSeconds(fleet.Value.SubmissionLeaseSeconds), ct)
            .ConfigureAwait(false);
        if (lease is null)
        {
            // Another worker is preparing or submitting it: look again once its lease runs out (it will have ended by then,
            // or crashed, and then this delivery takes over).
            var wait = heldUntil - clock.GetUtcNow() + TimeSpan.FromSeconds(1);
            LogDuplicateInFlight(command.RequestId, wait);
            await scheduler.ScheduleSend(context, QueueNames.Submit(provider.Provider, Kind), command,
                wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait, ct).ConfigureAwait(false);
            return;
        }

        await using (lease.ConfigureAwait(false))
        {
            row = (await store.FindAsync(command.RequestId, ct).ConfigureAwait(false))!;
            // The request as first recorded (and validated) is what is submitted, whichever delivery carries it now.
            var stored = JsonSerializer.Deserialize<TCommand>(row.Request, JsonSerializerOptions.Web)!;
            var attempt = new Attempt(context, provider, row, stored, lease);
            switch (row.Status)
            {
                case GenerationStatus.Completed or GenerationStatus.Failed:
                    await context.PublishFinal(row).ConfigureAwait(false);
                    return;
                case GenerationStatus.Submitted or GenerationStatus.Running:
                    // Already paid for: make sure it is followed (a crash may have come before the poll was scheduled).
                    await accepted.SchedulePollAsync(context, row, row.PollCount).ConfigureAwait(false);
                    return;
                case GenerationStatus.Submitting:
                    await ResolveInterruptedAsync(attempt).ConfigureAwait(false);
                    return;
            }

            await PrepareAndSubmitAsync(attempt).ConfigureAwait(false);
        }
    }

    /// <summary>Whether a delivery carries the request as it was first recorded.</summary>
    private static bool SameRequest(GenerationRecord row, TCommand command) =>
        JsonNode.DeepEquals(JsonNode.Parse(row.Request), JsonSerializer.SerializeToNode(command, JsonSerializerOptions.Web));

    private async Task<GenerationRecord> RecordIntentAsync(TCommand command, IGenerationProvider<TCommand> provider, CancellationToken ct)
    {
        var errors = CommandRules.Validate(command).Concat(provider.Validate(command)).ToList();
        await store.TryInsertAsync(new NewGeneration
        {
            RequestId = command.RequestId,
            Kind = Kind,
            Provider = provider.Provider,
            Model = CommandRules.Storable(command.Model),
            Account = command.Account is { Length: > 0 } account ? CommandRules.Storable(account) : provider.DefaultAccount,
            RequestJson = CommandBody.Storable(JsonSerializer.SerializeToElement(command, JsonSerializerOptions.Web)),
            Tags = CommandRules.KeepableTags(command.Tags),
            CallbackToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)),
            Rejection = errors.Count == 0 ? null : new GenerationError(GenerationErrorCodes.Validation, CommandRules.Storable(string.Join(" ", errors))),
        }, ct).ConfigureAwait(false);
        return (await store.FindAsync(command.RequestId, ct).ConfigureAwait(false))!;
    }

    private async Task PrepareAndSubmitAsync(Attempt attempt)
    {
        var (context, provider, row, command, lease) = attempt;
        var ct = context.CancellationToken;
        var prepared = new RowPreparedInputs(store, row);
        try
        {
            // Free and resumable (uploads): done while the row is still pending, so a crash here is retried, never unknown.
            await provider.PrepareAsync(command, row.Account, prepared, ct).ConfigureAwait(false);
        }
        catch (ProviderCallException ex) when (ex.Kind is ProviderFailureKind.Transient or ProviderFailureKind.OutcomeUnknown)
        {
            await RetryLaterAsync(attempt, ex).ConfigureAwait(false);
            return;
        }
        catch (ProviderCallException ex)
        {
            LogSubmitFailed(ex, row.RequestId, ex.Kind);
            await FailAsync(context, row.RequestId, new GenerationError(ex.Code, ex.Message, ex.ProviderCode)).ConfigureAwait(false);
            return;
        }

        if (!await store.TryMarkSubmittingAsync(row.RequestId, lease, ct).ConfigureAwait(false))
        {
            return;
        }

        var started = clock.GetUtcNow();
        var submitContext = Context(provider, row, prepared);
        ProviderSubmission submission;
        try
        {
            submission = await provider.SubmitAsync(command, submitContext, ct).ConfigureAwait(false);
        }
        catch (ProviderCallException ex) when (ex.Kind == ProviderFailureKind.Transient)
        {
            await RetryLaterAsync(attempt, ex).ConfigureAwait(false);
            return;
        }
        catch (ProviderCallException ex) when (ex.Kind == ProviderFailureKind.OutcomeUnknown && provider.CanReconcile)
        {
            LogSubmitFailed(ex, row.RequestId, ex.Kind);
            await ReconcileAsync(attempt, submitContext, started, ex).ConfigureAwait(false);
            return;
        }
        catch (ProviderCallException ex)
        {
            LogSubmitFailed(ex, row.RequestId, ex.Kind);
            await FailAsync(context, row.RequestId, new GenerationError(ex.Code, ex.Message, ex.ProviderCode)).ConfigureAwait(false);
            return;
        }

        await AcceptAsync(attempt, submission).ConfigureAwait(false);
    }

    /// <summary>A row left mid-call by a crash: ask the provider where it can be asked, otherwise fail it as unknown.</summary>
    private async Task ResolveInterruptedAsync(Attempt attempt)
    {
        var (context, provider, row, _, _) = attempt;
        var interrupted = new ProviderCallException(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
            $"A submission to {provider.Provider} was interrupted mid-call; the provider cannot be asked whether it accepted it, "
            + "so it is not sent again.");
        if (!provider.CanReconcile)
        {
            await FailAsync(context, row.RequestId, new GenerationError(interrupted.Code, interrupted.Message)).ConfigureAwait(false);
            return;
        }

        await ReconcileAsync(attempt, Context(provider, row, new RowPreparedInputs(store, row)), row.SubmittingSince ?? row.AcceptedAt, interrupted)
            .ConfigureAwait(false);
    }

    private async Task ReconcileAsync(Attempt attempt, SubmitContext submitContext, DateTimeOffset attemptStartedAt, ProviderCallException cause)
    {
        var (context, provider, row, command, _) = attempt;
        Reconciliation answer;
        try
        {
            answer = await provider.FindSubmittedAsync(command, submitContext, attemptStartedAt, context.CancellationToken).ConfigureAwait(false);
        }
        catch (ProviderCallException ex)
        {
            // The provider cannot be asked right now; the row stays submitting and the command comes back to ask again.
            LogReconcileFailed(ex, row.RequestId);
            await RetryReconcileLaterAsync(attempt, ex).ConfigureAwait(false);
            return;
        }

        var taken = await store.FindClaimedTaskIdsAsync(provider.Provider, [.. answer.Candidates.Select(c => c.TaskId)], context.CancellationToken)
            .ConfigureAwait(false);
        var mine = answer.Candidates.Where(c => !taken.Contains(c.TaskId)).ToList();
        if (mine.Count == 1)
        {
            LogReconciled(row.RequestId, mine[0].TaskId);
            await AcceptAsync(attempt, mine[0]).ConfigureAwait(false);
        }
        else if (mine.Count == 0 && answer.CoversWindow)
        {
            LogReconciledNotAccepted(row.RequestId);
            await RetryLaterAsync(attempt, new ProviderCallException(ProviderFailureKind.Transient,
                GenerationErrorCodes.ProviderUnavailable, $"{cause.Message} (the provider's task list shows it never arrived)", cause.ProviderCode))
                .ConfigureAwait(false);
        }
        else
        {
            await FailAsync(context, row.RequestId, new GenerationError(GenerationErrorCodes.UnknownOutcome,
                $"{cause.Message} The provider's task list does not tell which task is this request's ({mine.Count} candidates), "
                + "so it is not sent again.", cause.ProviderCode)).ConfigureAwait(false);
        }
    }

    private Task AcceptAsync(Attempt attempt, ProviderSubmission submission)
    {
        var (context, provider, row, command, _) = attempt;
        var timeout = command.TimeoutSeconds is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : readers.For(provider.Provider).Schedule(Kind, row.Model).Timeout;
        return accepted.RecordAsync(context, new RecordProviderTask
        {
            RequestId = row.RequestId,
            Provider = provider.Provider,
            ProviderTaskId = submission.TaskId,
            Details = submission.Details,
            Deadline = row.AcceptedAt + timeout,
            PricePerResult = provider.EstimatePricePerResult(command),
        });
    }

    private async Task RetryLaterAsync(Attempt attempt, ProviderCallException refusal)
    {
        var (context, provider, row, _, _) = attempt;
        var error = new GenerationError(refusal.Code, refusal.Message, refusal.ProviderCode);
        var retry = row.SubmitAttempts + 1;
        if (retry > provider.SubmitRetry.MaxRetries)
        {
            await FailAsync(context, row.RequestId, error with { Message = $"{refusal.Message} (gave up after {retry} attempts)" }).ConfigureAwait(false);
            return;
        }

        // Provably not accepted: back to pending, and the command comes back to this queue after the wait.
        await store.TryMarkPendingAsync(row.RequestId, error, context.CancellationToken).ConfigureAwait(false);
        await ResendLaterAsync(attempt, retry, refusal).ConfigureAwait(false);
    }

    private async Task RetryReconcileLaterAsync(Attempt attempt, ProviderCallException refusal)
    {
        var (context, provider, row, _, _) = attempt;
        var retry = row.SubmitAttempts + 1;
        if (retry > provider.SubmitRetry.MaxRetries)
        {
            await FailAsync(context, row.RequestId, new GenerationError(GenerationErrorCodes.UnknownOutcome,
                $"The outcome of a submission to {provider.Provider} is unknown and its task list could not be read: {refusal.Message}",
                refusal.ProviderCode)).ConfigureAwait(false);
            return;
        }

        await store.TryCountAttemptAsync(row.RequestId, context.CancellationToken).ConfigureAwait(false);
        await ResendLaterAsync(attempt, retry, refusal).ConfigureAwait(false);
    }

    private async Task ResendLaterAsync(Attempt attempt, int retry, ProviderCallException refusal)
    {
        var (context, provider, _, command, _) = attempt;
        var delay = provider.SubmitRetry.DelayBeforeRetry(retry, refusal.RetryAfter, Random.Shared.NextDouble());
        LogSubmitRetry(command.RequestId, refusal.Message, delay);
        await scheduler.ScheduleSend(context, QueueNames.Submit(provider.Provider, Kind), command, delay, context.CancellationToken)
            .ConfigureAwait(false);
    }

    private async Task FailAsync(ConsumeContext context, string requestId, GenerationError error)
    {
        await store.TryFailAsync(requestId, error, null, null, context.CancellationToken).ConfigureAwait(false);
        var row = await store.FindAsync(requestId, context.CancellationToken).ConfigureAwait(false);
        await context.PublishFinal(row!).ConfigureAwait(false);
    }

    private SubmitContext Context(IGenerationProvider<TCommand> provider, GenerationRecord row, IPreparedInputs prepared) => new()
    {
        Account = row.Account,
        RequestId = row.RequestId,
        CallbackUrl = callbackUrls.For(provider.Provider, row),
        Prepared = prepared,
    };

    /// <summary>One delivery's work on one request: the stored command is the one prepared and submitted.</summary>
    private sealed record Attempt(
        ConsumeContext<TCommand> Context, IGenerationProvider<TCommand> Provider, GenerationRecord Row, TCommand Command, SubmissionLease Lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} refused before any row: {Reason}")]
    private partial void LogRejected(string requestId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} is being submitted by another worker; looking again in {Wait}")]
    private partial void LogDuplicateInFlight(string requestId, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} was sent again with different content; the resend is refused")]
    private partial void LogRefusedResend(string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} submission failed ({Kind})")]
    private partial void LogSubmitFailed(Exception exception, string requestId, ProviderFailureKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} refused for now ({Reason}); retrying in {Delay}")]
    private partial void LogSubmitRetry(string requestId, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} of unknown outcome was found at the provider as task {TaskId}")]
    private partial void LogReconciled(string requestId, string taskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} of unknown outcome never reached the provider; it will be sent again")]
    private partial void LogReconciledNotAccepted(string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: the provider's task list could not be read; asking again later")]
    private partial void LogReconcileFailed(Exception exception, string requestId);
}
