using System.Security.Cryptography;
using System.Text.Json;
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

        await using var submissionLock = await store.TryLockSubmissionAsync(command.RequestId, ct).ConfigureAwait(false);
        if (submissionLock is null)
        {
            // Another worker is mid-call for this request; its message stays unacked until it is done.
            LogDuplicateInFlight(command.RequestId);
            return;
        }

        row = (await store.FindAsync(command.RequestId, ct).ConfigureAwait(false))!;
        switch (row.Status)
        {
            case GenerationStatus.Completed or GenerationStatus.Failed:
                await context.PublishFinal(row).ConfigureAwait(false);
                return;
            case GenerationStatus.Submitted or GenerationStatus.Running:
                // Already paid for: make sure it is followed (a crash may have come before the poll was scheduled).
                await SchedulePollAsync(context, row, row.PollCount).ConfigureAwait(false);
                return;
            case GenerationStatus.Submitting:
                await ResolveInterruptedAsync(context, provider, row).ConfigureAwait(false);
                return;
        }

        await PrepareAndSubmitAsync(context, provider, row).ConfigureAwait(false);
    }

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

    private async Task PrepareAndSubmitAsync(ConsumeContext<TCommand> context, IGenerationProvider<TCommand> provider, GenerationRecord row)
    {
        var ct = context.CancellationToken;
        var prepared = new RowPreparedInputs(store, row);
        try
        {
            // Free and resumable (uploads): done while the row is still pending, so a crash here is retried, never unknown.
            await provider.PrepareAsync(context.Message, row.Account, prepared, ct).ConfigureAwait(false);
        }
        catch (ProviderCallException ex) when (ex.Kind is ProviderFailureKind.Transient or ProviderFailureKind.OutcomeUnknown)
        {
            await RetryLaterAsync(context, provider, row, ex).ConfigureAwait(false);
            return;
        }
        catch (ProviderCallException ex)
        {
            LogSubmitFailed(ex, row.RequestId, ex.Kind);
            await FailAsync(context, row.RequestId, new GenerationError(ex.Code, ex.Message, ex.ProviderCode)).ConfigureAwait(false);
            return;
        }

        if (!await store.TryMarkSubmittingAsync(row.RequestId, ct).ConfigureAwait(false))
        {
            return;
        }

        var started = clock.GetUtcNow();
        var submitContext = Context(provider, row, prepared);
        ProviderSubmission submission;
        try
        {
            submission = await provider.SubmitAsync(context.Message, submitContext, ct).ConfigureAwait(false);
        }
        catch (ProviderCallException ex) when (ex.Kind == ProviderFailureKind.Transient)
        {
            await RetryLaterAsync(context, provider, row, ex).ConfigureAwait(false);
            return;
        }
        catch (ProviderCallException ex) when (ex.Kind == ProviderFailureKind.OutcomeUnknown && provider.CanReconcile)
        {
            LogSubmitFailed(ex, row.RequestId, ex.Kind);
            await ReconcileAsync(context, provider, row, submitContext, started, ex).ConfigureAwait(false);
            return;
        }
        catch (ProviderCallException ex)
        {
            LogSubmitFailed(ex, row.RequestId, ex.Kind);
            await FailAsync(context, row.RequestId, new GenerationError(ex.Code, ex.Message, ex.ProviderCode)).ConfigureAwait(false);
            return;
        }

        await AcceptAsync(context, provider, row, submission).ConfigureAwait(false);
    }

    /// <summary>A row left mid-call by a crash: ask the provider where it can be asked, otherwise fail it as unknown.</summary>
    private async Task ResolveInterruptedAsync(ConsumeContext<TCommand> context, IGenerationProvider<TCommand> provider, GenerationRecord row)
    {
        var interrupted = new ProviderCallException(ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome,
            $"A submission to {provider.Provider} was interrupted mid-call; the provider cannot be asked whether it accepted it, "
            + "so it is not sent again.");
        if (!provider.CanReconcile)
        {
            await FailAsync(context, row.RequestId, new GenerationError(interrupted.Code, interrupted.Message)).ConfigureAwait(false);
            return;
        }

        await ReconcileAsync(context, provider, row, Context(provider, row, new RowPreparedInputs(store, row)),
            row.SubmittingSince ?? row.AcceptedAt, interrupted).ConfigureAwait(false);
    }

    private async Task ReconcileAsync(ConsumeContext<TCommand> context, IGenerationProvider<TCommand> provider, GenerationRecord row,
        SubmitContext submitContext, DateTimeOffset attemptStartedAt, ProviderCallException cause)
    {
        Reconciliation answer;
        try
        {
            answer = await provider.FindSubmittedAsync(context.Message, submitContext, attemptStartedAt, context.CancellationToken).ConfigureAwait(false);
        }
        catch (ProviderCallException ex)
        {
            // The provider cannot be asked right now; the row stays submitting and the command comes back to ask again.
            LogReconcileFailed(ex, row.RequestId);
            await RetryReconcileLaterAsync(context, provider, row, ex).ConfigureAwait(false);
            return;
        }

        var taken = await store.FindClaimedTaskIdsAsync(provider.Provider, [.. answer.Candidates.Select(c => c.TaskId)], context.CancellationToken)
            .ConfigureAwait(false);
        var mine = answer.Candidates.Where(c => !taken.Contains(c.TaskId)).ToList();
        if (mine.Count == 1)
        {
            LogReconciled(row.RequestId, mine[0].TaskId);
            await AcceptAsync(context, provider, row, mine[0]).ConfigureAwait(false);
        }
        else if (mine.Count == 0 && answer.CoversWindow)
        {
            LogReconciledNotAccepted(row.RequestId);
            await RetryLaterAsync(context, provider, row, new ProviderCallException(ProviderFailureKind.Transient,
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

    private async Task AcceptAsync(ConsumeContext<TCommand> context, IGenerationProvider<TCommand> provider, GenerationRecord row,
        ProviderSubmission submission)
    {
        var ct = context.CancellationToken;
        var schedule = readers.For(provider.Provider).Schedule(Kind, row.Model);
        var timeout = context.Message.TimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : schedule.Timeout;
        LogSubmitted(row.RequestId, provider.Provider, submission.TaskId);
        if (!await store.TryMarkSubmittedAsync(row.RequestId, submission.TaskId, submission.Details, row.AcceptedAt + timeout,
                provider.EstimatePricePerResult(context.Message), ct).ConfigureAwait(false))
        {
            // The row moved on meanwhile (another delivery ended it): its outcome stands, and nothing is followed twice.
            var current = await store.FindAsync(row.RequestId, ct).ConfigureAwait(false);
            if (current is not null)
            {
                await context.PublishFinal(current).ConfigureAwait(false);
            }

            return;
        }

        row = (await store.FindAsync(row.RequestId, ct).ConfigureAwait(false))!;
        await context.Publish(new GenerationAccepted
        {
            RequestId = row.RequestId,
            Kind = row.Kind,
            Provider = row.Provider,
            Model = row.Model,
            Account = row.Account,
            ProviderTaskId = submission.TaskId,
            AcceptedAt = row.AcceptedAt,
            SubmittedAt = row.SubmittedAt ?? clock.GetUtcNow(),
            Tags = row.Tags,
        }, ct).ConfigureAwait(false);
        await SchedulePollAsync(context, row, 0).ConfigureAwait(false);
    }

    private async Task RetryLaterAsync(ConsumeContext<TCommand> context, IGenerationProvider<TCommand> provider, GenerationRecord row,
        ProviderCallException refusal)
    {
        var ct = context.CancellationToken;
        var error = new GenerationError(refusal.Code, refusal.Message, refusal.ProviderCode);
        var retry = row.SubmitAttempts + 1;
        if (retry > provider.SubmitRetry.MaxRetries)
        {
            await FailAsync(context, row.RequestId, error with { Message = $"{refusal.Message} (gave up after {retry} attempts)" }).ConfigureAwait(false);
            return;
        }

        // Provably not accepted: back to pending, and the command comes back to this queue after the wait.
        await store.TryMarkPendingAsync(row.RequestId, error, ct).ConfigureAwait(false);
        await ResendLaterAsync(context, provider, retry, refusal).ConfigureAwait(false);
    }

    private async Task RetryReconcileLaterAsync(ConsumeContext<TCommand> context, IGenerationProvider<TCommand> provider, GenerationRecord row,
        ProviderCallException refusal)
    {
        var retry = row.SubmitAttempts + 1;
        if (retry > provider.SubmitRetry.MaxRetries)
        {
            await FailAsync(context, row.RequestId, new GenerationError(GenerationErrorCodes.UnknownOutcome,
                $"The outcome of a submission to {provider.Provider} is unknown and its task list could not be read: {refusal.Message}",
                refusal.ProviderCode)).ConfigureAwait(false);
            return;
        }

        await store.TryCountAttemptAsync(row.RequestId, context.CancellationToken).ConfigureAwait(false);
        await ResendLaterAsync(context, provider, retry, refusal).ConfigureAwait(false);
    }

    private async Task ResendLaterAsync(ConsumeContext<TCommand> context, IGenerationProvider<TCommand> provider, int retry,
        ProviderCallException refusal)
    {
        var delay = provider.SubmitRetry.DelayBeforeRetry(retry, refusal.RetryAfter, Random.Shared.NextDouble());
        LogSubmitRetry(context.Message.RequestId, refusal.Message, delay);
        await scheduler.ScheduleSend(context, QueueNames.Submit(provider.Provider, Kind), context.Message, delay, context.CancellationToken)
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

    private Task SchedulePollAsync(ConsumeContext context, GenerationRecord row, int pollNumber) =>
        scheduler.ScheduleSend(context, QueueNames.Poll(row.Provider),
            new PollProviderTask { RequestId = row.RequestId, Provider = row.Provider, PollNumber = pollNumber },
            readers.For(row.Provider).Schedule(row.Kind, row.Model).DelayBeforePoll(pollNumber, Random.Shared.NextDouble()),
            context.CancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} refused before any row: {Reason}")]
    private partial void LogRejected(string requestId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} is being submitted by another worker; this delivery is dropped")]
    private partial void LogDuplicateInFlight(string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} submission failed ({Kind})")]
    private partial void LogSubmitFailed(Exception exception, string requestId, ProviderFailureKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} submitted to {Provider} as task {TaskId}")]
    private partial void LogSubmitted(string requestId, string provider, string taskId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId} refused for now ({Reason}); retrying in {Delay}")]
    private partial void LogSubmitRetry(string requestId, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} of unknown outcome was found at the provider as task {TaskId}")]
    private partial void LogReconciled(string requestId, string taskId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} of unknown outcome never reached the provider; it will be sent again")]
    private partial void LogReconciledNotAccepted(string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: the provider's task list could not be read; asking again later")]
    private partial void LogReconcileFailed(Exception exception, string requestId);
}
