using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Ledger;

namespace Workers.ProviderSimulator.Callbacks;

/// <summary>
/// Sends providers' callbacks in the background, applying each provider's <see cref="CallbackBehaviour"/>, retrying
/// unacknowledged attempts and counting everything. Thread-safe; a reset cancels every pending callback.
/// </summary>
public sealed partial class CallbackDispatcher(
    IHttpClientFactory httpClients,
    CounterBook counters,
    TimeProvider time,
    IOptions<SimulatorOptions> options,
    ILogger<CallbackDispatcher> logger) : IResettableState, IDisposable
{
    /// <summary>The named HttpClient callbacks go out on (tests may route it to an in-memory receiver).</summary>
    public const string HttpClientName = "simulator-callbacks";

    private const int DeliveryLogLimit = 10_000;
    private const int ReplyBodyLimit = 64 * 1024;

    private readonly ConcurrentDictionary<string, CallbackBehaviour> behaviours = new(StringComparer.OrdinalIgnoreCase);

    // out_of_order: the one callback per provider waiting for the next one to overtake it.
    private readonly ConcurrentDictionary<string, CallbackMessage> held = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<CallbackDelivery> deliveries = new();
    private CancellationTokenSource lifetime = new();

    /// <summary>Replaces the behaviour of its provider (already validated).</summary>
    public CallbackBehaviour SetBehaviour(CallbackBehaviour behaviour)
    {
        ArgumentNullException.ThrowIfNull(behaviour);
        var normalised = behaviour with { Provider = SimulatedProviders.Canonical(behaviour.Provider) ?? behaviour.Provider };
        behaviours[normalised.Provider] = normalised;
        return normalised;
    }

    /// <summary>The behaviour of every provider (normal unless set).</summary>
    public IReadOnlyList<CallbackBehaviour> Behaviours() =>
        SimulatedProviders.All
            .Select(provider => behaviours.GetValueOrDefault(provider) ?? new CallbackBehaviour { Provider = provider })
            .ToList();

    /// <summary>The last attempts (up to 10,000), oldest first, filtered by provider and task (both optional).</summary>
    public IReadOnlyList<CallbackDelivery> Deliveries(string? provider, string? taskId) =>
        deliveries
            .Where(d => provider is null || string.Equals(d.Provider, provider, StringComparison.OrdinalIgnoreCase))
            .Where(d => taskId is null || string.Equals(d.TaskId, taskId, StringComparison.Ordinal))
            .ToList();

    /// <summary>
    /// Sends the callback <paramref name="build"/> makes, <paramref name="dueIn"/> from now (when the task ends).
    /// It is built at that moment, so its signed links are fresh; null means there is nothing to send after all.
    /// </summary>
    public void Schedule(TimeSpan dueIn, Func<CallbackMessage?> build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var cancellation = lifetime.Token;
        _ = RunGuardedAsync(
            async () =>
            {
                await Task.Delay(dueIn > TimeSpan.Zero ? dueIn : TimeSpan.Zero, time, cancellation);
                if (build() is { } message)
                {
                    await DispatchAsync(message, cancellation);
                }
            },
            cancellation);
    }

    public void Reset()
    {
        // Not disposed: a concurrent Schedule may still read its token. A source without a timer holds nothing to free.
        Interlocked.Exchange(ref lifetime, new CancellationTokenSource()).Cancel();
        behaviours.Clear();
        held.Clear();
        deliveries.Clear();
    }

    // Registered as itself and as IResettableState, so the container disposes it twice: cancelling again is harmless.
    public void Dispose() => lifetime.Cancel();

    private async Task DispatchAsync(CallbackMessage message, CancellationToken cancellationToken)
    {
        var behaviour = behaviours.GetValueOrDefault(message.Provider) ?? new CallbackBehaviour { Provider = message.Provider };
        var delay = TimeSpan.FromMilliseconds(behaviour.DelayMs);
        switch (behaviour.Mode)
        {
            case CallbackMode.Off:
                Record(message, "suppressed", attempt: 0, status: null, acknowledged: false, error: null);
                break;
            case CallbackMode.Duplicated:
                await Task.WhenAll(
                    DeliverAsync(message, "genuine", cancellationToken),
                    DeliverAsync(message, "duplicate", cancellationToken));
                break;
            case CallbackMode.Late:
                await Task.Delay(delay, time, cancellationToken);
                await DeliverAsync(message, "genuine", cancellationToken);
                break;
            case CallbackMode.OutOfOrder:
                await HoldBackAsync(message, delay, cancellationToken);
                break;
            case CallbackMode.Forged:
                if (message.Forged is { } forged)
                {
                    await DeliverAsync(forged with { RetryDelays = [] }, "forged", cancellationToken);
                }

                await DeliverAsync(message, "genuine", cancellationToken);
                break;
            default:
                await DeliverAsync(message, "genuine", cancellationToken);
                break;
        }
    }

    private async Task HoldBackAsync(CallbackMessage message, TimeSpan longestHold, CancellationToken cancellationToken)
    {
        if (held.TryRemove(message.Provider, out var overtaken))
        {
            await DeliverAsync(message, "genuine", cancellationToken);
            await DeliverAsync(overtaken, "genuine", cancellationToken);
            return;
        }

        if (!held.TryAdd(message.Provider, message))
        {
            // Another callback took the slot in between: let this one overtake it instead.
            await HoldBackAsync(message, longestHold, cancellationToken);
            return;
        }

        Record(message, "held", attempt: 0, status: null, acknowledged: false, error: null);
        await Task.Delay(longestHold, time, cancellationToken);
        if (held.TryRemove(new KeyValuePair<string, CallbackMessage>(message.Provider, message)))
        {
            await DeliverAsync(message, "genuine", cancellationToken);
        }
    }

    private async Task DeliverAsync(CallbackMessage message, string kind, CancellationToken cancellationToken)
    {
        var speedFactor = options.Value.SpeedFactor;
        for (var attempt = 1; ; attempt++)
        {
            var (status, acknowledged, error) = await AttemptAsync(message, cancellationToken);
            counters.CallbackSent(message.Provider);
            Record(message, kind, attempt, status, acknowledged, error);
            if (acknowledged)
            {
                counters.CallbackAcknowledged(message.Provider);
                return;
            }

            if (attempt > message.RetryDelays.Count)
            {
                if (kind != "forged")
                {
                    counters.CallbackAbandoned(message.Provider);
                }

                return;
            }

            await Task.Delay(message.RetryDelays[attempt - 1] / speedFactor, time, cancellationToken);
        }
    }

    private async Task<(int? Status, bool Acknowledged, string? Error)> AttemptAsync(
        CallbackMessage message,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Url);
        request.Content = new ByteArrayContent(message.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in message.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        try
        {
            using var http = httpClients.CreateClient(HttpClientName);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await ReadLimitedAsync(response.Content, cancellationToken);
            var status = (int)response.StatusCode;
            return (status, message.IsAcknowledged(status, body), null);
        }
        catch (HttpRequestException exception)
        {
            return (null, false, exception.Message);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, false, "The receiver did not answer in time: " + exception.Message);
        }
    }

    private static async Task<string> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[ReplyBodyLimit];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, total);
    }

    private void Record(CallbackMessage message, string kind, int attempt, int? status, bool acknowledged, string? error)
    {
        deliveries.Enqueue(new CallbackDelivery(
            message.Provider, message.TaskId, message.Url.ToString(), kind, attempt, status, acknowledged, time.GetUtcNow(), error));
        while (deliveries.Count > DeliveryLogLimit && deliveries.TryDequeue(out _))
        {
        }
    }

    private async Task RunGuardedAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        try
        {
            await work();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Reset or shutdown: pending callbacks are forgotten with the tasks they belong to.
        }
        catch (Exception exception)
        {
            LogCallbackFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A callback could not be built or sent")]
    private partial void LogCallbackFailed(Exception exception);
}
