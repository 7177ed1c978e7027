using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workers.Components.Outcomes;
using Workers.Components.Scheduling;
using Workers.Components.Topology;
using Workers.Contracts;
using Workers.Persistence.Generations;

namespace Workers.Components.Results;

/// <summary>
/// Ends a request: copies a finished task's artifacts into durable storage, records them with the cost, and
/// publishes <see cref="GenerationCompleted"/> or <see cref="GenerationFailed"/>.
/// </summary>
public sealed partial class GenerationResultsConsumer(
    ArtifactDownloader downloader,
    GenerationStore store,
    IDelayedMessageScheduler scheduler,
    IOptions<FleetOptions> fleet,
    ILogger<GenerationResultsConsumer> logger) : IConsumer<ProviderTaskFinished>
{
    public async Task Consume(ConsumeContext<ProviderTaskFinished> context)
    {
        var finished = context.Message;
        var ct = context.CancellationToken;
        var row = await store.FindAsync(finished.RequestId, ct).ConfigureAwait(false);
        if (row is null)
        {
            LogUnknownRequest(finished.RequestId);
            return;
        }

        if (!row.IsTerminal)
        {
            if (finished.Succeeded)
            {
                await CompleteAsync(context, row).ConfigureAwait(false);
            }
            else
            {
                await store.TryFailAsync(row.RequestId,
                    new GenerationError(finished.ErrorCode ?? GenerationErrorCodes.ProviderFailed, finished.ErrorMessage ?? "", finished.ProviderCode),
                    finished.ReportedCost, finished.FinishedAt, ct).ConfigureAwait(false);
            }

            row = (await store.FindAsync(finished.RequestId, ct).ConfigureAwait(false))!;
        }

        // Published whenever the row has ended, so a crash between recording and publishing cannot lose the event.
        await context.PublishFinal(row).ConfigureAwait(false);
    }

    private async Task CompleteAsync(ConsumeContext<ProviderTaskFinished> context, GenerationRecord row)
    {
        var finished = context.Message;
        var ct = context.CancellationToken;
        if (finished.ResultUrls.Count == 0)
        {
            await store.TryFailAsync(row.RequestId, new GenerationError(GenerationErrorCodes.ProviderFailed,
                $"{row.Provider} reported success without any result URL"), finished.ReportedCost, finished.FinishedAt, ct).ConfigureAwait(false);
            return;
        }

        var artifacts = new List<GeneratedArtifact>(finished.ResultUrls.Count);
        try
        {
            for (var i = 0; i < finished.ResultUrls.Count; i++)
            {
                artifacts.Add(await downloader.CopyAsync(i, finished.ResultUrls[i], ct).ConfigureAwait(false));
            }
        }
        catch (ArtifactUnavailableException ex)
        {
            await store.TryFailAsync(row.RequestId, new GenerationError(GenerationErrorCodes.ProviderFailed, ex.Message),
                finished.ReportedCost ?? Cost(row, finished.ResultUrls.Count), finished.FinishedAt, ct).ConfigureAwait(false);
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            await RetryLaterAsync(context, row, ex).ConfigureAwait(false);
            return;
        }

        var cost = finished.ReportedCost ?? Cost(row, artifacts.Count);
        await store.TryCompleteAsync(row.RequestId, artifacts, cost, finished.FinishedAt, ct).ConfigureAwait(false);
    }

    private async Task RetryLaterAsync(ConsumeContext<ProviderTaskFinished> context, GenerationRecord row, Exception error)
    {
        var finished = context.Message;
        var options = fleet.Value;
        if (finished.Attempt >= options.MaxResultAttempts)
        {
            await store.TryFailAsync(row.RequestId, new GenerationError(GenerationErrorCodes.ProviderFailed,
                    $"The results of {row.Provider} task {row.ProviderTaskId} could not be copied after {finished.Attempt} attempts: {error.Message}"),
                finished.ReportedCost ?? Cost(row, finished.ResultUrls.Count), finished.FinishedAt, context.CancellationToken).ConfigureAwait(false);
            return;
        }

        LogCopyRetry(error, row.RequestId, finished.Attempt);
        await scheduler.ScheduleSend(context, QueueNames.Results, finished with { Attempt = finished.Attempt + 1 },
            TimeSpan.FromSeconds(options.ResultRetryDelaySeconds), context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The estimate for providers that report no cost: the price quoted at submission times the results delivered.</summary>
    private static CreditCost? Cost(GenerationRecord row, int results) =>
        row.PricePerResult is { } price ? price with { Amount = price.Amount * results, Source = CostSources.Estimated } : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Finished task for unknown request {RequestId}; dropped")]
    private partial void LogUnknownRequest(string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Copying the results of {RequestId} failed (attempt {Attempt}); trying again later")]
    private partial void LogCopyRetry(Exception exception, string requestId, int attempt);
}
