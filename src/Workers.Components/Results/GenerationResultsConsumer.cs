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

namespace Workers.Components.Results;

/// <summary>
/// Ends a request: copies a finished task's artifacts into durable storage (asking the provider for a fresh link where
/// one expired), records them with the cost and any items that failed on their own, and publishes
/// <see cref="GenerationCompleted"/> or <see cref="GenerationFailed"/>.
/// </summary>
public sealed partial class GenerationResultsConsumer(
    ArtifactDownloader downloader,
    ProviderTaskReaders readers,
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
        if (finished.Items.Count == 0)
        {
            await store.TryFailAsync(row.RequestId, new GenerationError(GenerationErrorCodes.ProviderFailed,
                $"{row.Provider} reported success without any result"), finished.ReportedCost, finished.FinishedAt, ct).ConfigureAwait(false);
            return;
        }

        var artifacts = new List<GeneratedArtifact>(finished.Items.Count);
        var failures = new List<ArtifactFailure>();
        try
        {
            for (var i = 0; i < finished.Items.Count; i++)
            {
                var item = finished.Items[i];
                if (!item.Succeeded || item.Url is null)
                {
                    failures.Add(new ArtifactFailure
                    {
                        Index = i, Role = item.Role, Message = item.ErrorMessage ?? $"{row.Provider} reported this item failed", ProviderCode = item.ProviderCode,
                    });
                    continue;
                }

                var copied = await CopyAsync(row, i, item, ct).ConfigureAwait(false);
                if (copied.Artifact is { } artifact)
                {
                    artifacts.Add(artifact);
                }
                else
                {
                    failures.Add(copied.Failure!);
                }
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TimeoutException or ProviderCallException
                                   || (ex is OperationCanceledException && !ct.IsCancellationRequested))
        {
            await RetryLaterAsync(context, row, ex).ConfigureAwait(false);
            return;
        }

        var cost = finished.ReportedCost ?? Cost(row, artifacts.Count);
        if (artifacts.Count == 0)
        {
            await store.TryFailAsync(row.RequestId, new GenerationError(GenerationErrorCodes.ProviderFailed,
                    $"{row.Provider} task {row.ProviderTaskId} produced no usable result: {string.Join("; ", failures.Select(f => $"item {f.Index}: {f.Message}"))}",
                    failures.Select(f => f.ProviderCode).FirstOrDefault(c => c is not null)),
                cost, finished.FinishedAt, ct).ConfigureAwait(false);
            return;
        }

        await store.TryCompleteAsync(row.RequestId, artifacts, failures, cost, finished.FinishedAt, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// One item; an expired link is re-issued by the provider once before the item counts as lost. A download the
    /// fleet refuses (where it leads, its size, a stall) fails the item at once: asking again would not change it.
    /// </summary>
    private async Task<(GeneratedArtifact? Artifact, ArtifactFailure? Failure)> CopyAsync(GenerationRecord row, int index,
        ProviderResultItem item, CancellationToken ct)
    {
        try
        {
            return (await downloader.CopyAsync(index, item, item.Url!, ct).ConfigureAwait(false), null);
        }
        catch (ArtifactRefusedException refused)
        {
            LogRefused(row.RequestId, index, refused.Message);
            return (null, new ArtifactFailure { Index = index, Role = item.Role, Message = refused.Message });
        }
        catch (ArtifactUnavailableException expired)
        {
            LogRefreshing(row.RequestId, index);
            var fresh = await readers.For(row.Provider).RefreshResultUrlAsync(ProviderTaskReaders.TaskOf(row), index, ct).ConfigureAwait(false);
            if (fresh is null || fresh == item.Url)
            {
                return (null, new ArtifactFailure { Index = index, Role = item.Role, Message = expired.Message });
            }

            try
            {
                return (await downloader.CopyAsync(index, item, fresh, ct).ConfigureAwait(false), null);
            }
            catch (ArtifactUnavailableException again)
            {
                return (null, new ArtifactFailure { Index = index, Role = item.Role, Message = $"{again.Message} (after a fresh link)" });
            }
            catch (ArtifactRefusedException refused)
            {
                LogRefused(row.RequestId, index, refused.Message);
                return (null, new ArtifactFailure { Index = index, Role = item.Role, Message = $"{refused.Message} (after a fresh link)" });
            }
        }
    }

    private async Task RetryLaterAsync(ConsumeContext<ProviderTaskFinished> context, GenerationRecord row, Exception error)
    {
        var finished = context.Message;
        var options = fleet.Value;
        if (finished.Attempt >= options.MaxResultAttempts)
        {
            await store.TryFailAsync(row.RequestId, new GenerationError(GenerationErrorCodes.ProviderFailed,
                    $"The results of {row.Provider} task {row.ProviderTaskId} could not be copied after {finished.Attempt} attempts: {error.Message}"),
                finished.ReportedCost ?? Cost(row, finished.Items.Count(i => i.Succeeded)), finished.FinishedAt, context.CancellationToken)
                .ConfigureAwait(false);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Result {Index} of {RequestId} was not downloaded: {Reason}")]
    private partial void LogRefused(string requestId, int index, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Result {Index} of {RequestId} expired; asking the provider for a fresh link")]
    private partial void LogRefreshing(string requestId, int index);
}
