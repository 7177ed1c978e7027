using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
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
/// call the provider, record the task id, schedule the first poll, ack. Never holds the message while the task runs.
/// </summary>
public sealed partial class SubmitGenerationConsumer<TCommand>(
    IEnumerable<IGenerationProvider<TCommand>> providers,
    IEnumerable<IProviderTaskReader> readers,
    GenerationStore store,
    IDelayedMessageScheduler scheduler,
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
        if (string.IsNullOrWhiteSpace(command.RequestId) || provider is null)
        {
            var why = provider is null ? $"No {Kind} provider named '{providerName}' is served here." : "RequestId is required.";
            LogRejected(command.RequestId, why);
            await context.PublishRejected(command, Kind, why).ConfigureAwait(false);
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
                await FailAsync(context, row.RequestId, new GenerationError(GenerationErrorCodes.UnknownOutcome,
                    $"A submission to {provider.Provider} was interrupted mid-call; the provider cannot be asked whether it "
                    + "accepted it, so it is not sent again."), null).ConfigureAwait(false);
                return;
        }

        await SubmitAsync(context, provider, row).ConfigureAwait(false);
    }

    private async Task<GenerationRecord> RecordIntentAsync(TCommand command, IGenerationProvider<TCommand> provider, CancellationToken ct)
    {
        var errors = provider.Validate(command);
        await store.TryInsertAsync(new NewGeneration
        {
            RequestId = command.RequestId,
            Kind = Kind,
            Provider = provider.Provider,
            Model = command.Model ?? "",
            Account = command.Account is { Length: > 0 } account ? account : provider.DefaultAccount,
            RequestJson = JsonSerializer.Serialize(command, JsonSerializerOptions.Web),
            Tags = command.Tags,
            Rejection = errors.Count == 0 ? null : new GenerationError(GenerationErrorCodes.Validation, string.Join(" ", errors)),
        }, ct).ConfigureAwait(false);
        return (await store.FindAsync(command.RequestId, ct).ConfigureAwait(false))!;
    }

    private async Task SubmitAsync(ConsumeContext<TCommand> context, IGenerationProvider<TCommand> provider, GenerationRecord row)
    {
        var ct = context.CancellationToken;
        var account = row.Account;
        if (!await store.TryMarkSubmittingAsync(row.RequestId, ct).ConfigureAwait(false))
        {
            return;
        }

        ProviderSubmission submission;
        try
        {
            submission = await provider.SubmitAsync(context.Message, account, ct).ConfigureAwait(false);
        }
        catch (ProviderCallException ex) when (ex.Kind == ProviderFailureKind.Transient)
        {
            await RetryLaterAsync(context, provider, row, ex).ConfigureAwait(false);
            return;
        }
        catch (ProviderCallException ex)
        {
            LogSubmitFailed(ex, row.RequestId, ex.Kind);
            await FailAsync(context, row.RequestId, new GenerationError(ex.Code, ex.Message, ex.ProviderCode), null).ConfigureAwait(false);
            return;
        }

        var reader = readers.First(r => r.Provider == provider.Provider);
        var timeout = TimeSpan.FromSeconds(context.Message.TimeoutSeconds ?? reader.Polling.DefaultTimeoutSeconds);
        await store.TryMarkSubmittedAsync(row.RequestId, submission.TaskId, row.AcceptedAt + timeout,
            provider.EstimatePricePerResult(context.Message), ct).ConfigureAwait(false);
        row = (await store.FindAsync(row.RequestId, ct).ConfigureAwait(false))!;
        LogSubmitted(row.RequestId, provider.Provider, submission.TaskId);
        await context.Publish(new GenerationAccepted
        {
            RequestId = row.RequestId,
            Kind = row.Kind,
            Provider = row.Provider,
            Model = row.Model,
            Account = account,
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
            await FailAsync(context, row.RequestId, error with
            {
                Message = $"{refusal.Message} (gave up after {retry} attempts)",
            }, null).ConfigureAwait(false);
            return;
        }

        // Provably not accepted: back to pending, and the command comes back to this queue after the wait.
        await store.TryMarkPendingAsync(row.RequestId, error, ct).ConfigureAwait(false);
        var delay = provider.SubmitRetry.DelayBeforeRetry(retry, refusal.RetryAfter);
        LogSubmitRetry(row.RequestId, refusal.Message, delay);
        await scheduler.ScheduleSend(context, QueueNames.Submit(provider.Provider, Kind), context.Message, delay, ct).ConfigureAwait(false);
    }

    private async Task FailAsync(ConsumeContext context, string requestId, GenerationError error, CreditCost? credits)
    {
        await store.TryFailAsync(requestId, error, credits, null, context.CancellationToken).ConfigureAwait(false);
        var row = await store.FindAsync(requestId, context.CancellationToken).ConfigureAwait(false);
        await context.PublishFinal(row!).ConfigureAwait(false);
    }

    private Task SchedulePollAsync(ConsumeContext context, GenerationRecord row, int pollNumber) =>
        scheduler.ScheduleSend(context, QueueNames.Poll(row.Provider),
            new PollProviderTask { RequestId = row.RequestId, Provider = row.Provider, PollNumber = pollNumber },
            readers.First(r => r.Provider == row.Provider).Polling.DelayBeforePoll(pollNumber), context.CancellationToken);

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
}
