using MassTransit;
using Microsoft.Extensions.Logging;
using Workers.Components.Polling;
using Workers.Components.Scheduling;
using Workers.Components.Topology;
using Workers.Persistence.Generations;
using Workers.Providers.Abstractions;

namespace Workers.Components.Callbacks;

/// <summary>
/// Turns a provider callback into an immediate poll. It authenticates the call (the request's own token in the URL, then
/// the provider's own marks: uid, signature), acknowledges as the provider expects, ignores repeats, and changes nothing
/// itself: the poll reads the task from the provider and decides, so a forged callback has no effect.
/// </summary>
public sealed partial class CallbackHandler(
    GenerationStore store,
    IEnumerable<IProviderCallbackReceiver> receivers,
    IDelayedMessageScheduler scheduler,
    ISendEndpointProvider sendEndpoints,
    TimeProvider clock,
    ILogger<CallbackHandler> logger)
{
    /// <summary>The answer to send back.</summary>
    public sealed record Answer(int StatusCode, string? Json);

    public async Task<Answer> HandleAsync(string provider, string requestId, string token, IReadOnlyDictionary<string, string> headers,
        ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var receiver = receivers.FirstOrDefault(r => r.Provider == provider);
        var row = receiver is null ? null : await store.FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (receiver is null || row is null || row.Provider != provider || !CallbackEndpoints.TokenMatches(row.CallbackToken, token))
        {
            // Nothing says whether the request exists: a guesser learns nothing.
            LogRefused(provider, requestId, "unknown request or wrong token");
            return new Answer(404, null);
        }

        if (row.ProviderTaskId is null)
        {
            // The provider finished before the fleet recorded its task id (a very fast task): ask it to call again.
            return new Answer(503, null);
        }

        var verdict = receiver.Read(new ProviderCallback(headers, body, clock.GetUtcNow()), ProviderTaskReaders.TaskOf(row));
        if (!verdict.Accepted)
        {
            LogRefused(provider, requestId, verdict.Reason ?? "refused by the provider's checks");
            return new Answer(verdict.StatusCode, verdict.ResponseJson);
        }

        var repeated = verdict.DeduplicationKey is { } key
                       && !await store.TryRecordCallbackAsync(requestId, key, cancellationToken).ConfigureAwait(false);
        if (!row.IsTerminal && !repeated)
        {
            LogPollingNow(provider, requestId);
            await scheduler.ScheduleSend(sendEndpoints, QueueNames.Poll(provider),
                new PollProviderTask { RequestId = requestId, Provider = provider, PollNumber = row.PollCount, Hint = true },
                TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        }

        return new Answer(verdict.StatusCode, verdict.ResponseJson);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback from {Provider} for {RequestId} refused: {Reason}")]
    private partial void LogRefused(string provider, string requestId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Callback from {Provider} for {RequestId}: polling it now")]
    private partial void LogPollingNow(string provider, string requestId);
}
