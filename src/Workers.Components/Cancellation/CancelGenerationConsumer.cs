using MassTransit;
using Microsoft.Extensions.Logging;
using Workers.Components.Outcomes;
using Workers.Contracts;
using Workers.Persistence.Generations;

namespace Workers.Components.Cancellation;

/// <summary>
/// Ends a request as <c>cancelled</c>: it stops being followed (its polls find it ended and stop), and a command that
/// has not arrived yet is refused when it does. None of the five providers documents a way to stop a task, so a task
/// already accepted may still run and be charged; the failure says so, with the estimated cost where the fleet prices it.
/// </summary>
public sealed partial class CancelGenerationConsumer(GenerationStore store, ILogger<CancelGenerationConsumer> logger)
    : IConsumer<CancelGeneration>
{
    public async Task Consume(ConsumeContext<CancelGeneration> context)
    {
        var cancel = context.Message;
        var ct = context.CancellationToken;
        if (string.IsNullOrWhiteSpace(cancel.RequestId))
        {
            LogUnanswerable();
            return;
        }

        var reason = string.IsNullOrWhiteSpace(cancel.Reason) ? "Cancelled on request." : $"Cancelled: {cancel.Reason}";
        var row = await store.FindAsync(cancel.RequestId, ct).ConfigureAwait(false);
        if (row is null)
        {
            await store.TryInsertCancelledAsync(cancel.RequestId, $"{reason} The command had not arrived; it will be refused when it does.", ct)
                .ConfigureAwait(false);
        }
        else if (!row.IsTerminal)
        {
            var paid = row.ProviderTaskId is not null || row.Status == GenerationStatus.Submitting;
            var message = paid
                ? $"{reason} {row.Provider} offers no way to stop a task it accepted, so task {row.ProviderTaskId} may still run and be charged."
                : $"{reason} Nothing had been submitted to {row.Provider}.";
            var cost = paid && row.PricePerResult is { } price ? price : null;
            await store.TryFailAsync(row.RequestId, new GenerationError(GenerationErrorCodes.Cancelled, message), cost, null, ct).ConfigureAwait(false);
        }

        LogCancelled(cancel.RequestId);
        if (await store.FindAsync(cancel.RequestId, ct).ConfigureAwait(false) is { } ended)
        {
            // Also when the request had already ended: the canceller learns its outcome.
            await context.PublishFinal(ended).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CancelGeneration without a RequestId; nothing to cancel")]
    private partial void LogUnanswerable();

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId}: cancellation handled")]
    private partial void LogCancelled(string requestId);
}
