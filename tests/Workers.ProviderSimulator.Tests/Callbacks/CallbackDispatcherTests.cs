using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Workers.ProviderSimulator.Callbacks;

namespace Workers.ProviderSimulator.Tests.Callbacks;

/// <summary>The shared callback dispatcher, driven directly, against a real loopback receiver.</summary>
public sealed class CallbackDispatcherTests
{
    private const string Provider = SimulatedProviders.Apikley;
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Normal_DeliversOnceWithBodyAndHeaders_AndCountsTheAcknowledgement()
    {
        await using var context = await DispatcherContext.StartAsync();

        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("task-1"));
        var received = Assert.Single(await context.Receiver.WaitForAsync(1, Wait));
        var counters = await WaitForCountersAsync(context, c => c.CallbacksAcknowledged == 1);

        Assert.Equal("/hook", received.Path);
        Assert.Equal("{\"taskId\":\"task-1\"}", received.Body);
        Assert.Equal("task-1", received.Header("X-Task"));
        Assert.StartsWith("application/json", received.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal(1, counters.CallbacksSent);
    }

    [Fact]
    public async Task UnacknowledgedReply_IsRetriedUntilAcknowledged()
    {
        await using var context = await DispatcherContext.StartAsync();
        var replies = 0;
        context.Receiver.Reply = _ => Interlocked.Increment(ref replies) <= 2 ? (500, "{}") : (200, "{}");

        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("task-1", retries: 3));
        await context.Receiver.WaitForAsync(3, Wait);
        var counters = await WaitForCountersAsync(context, c => c.CallbacksAcknowledged == 1);
        var attempts = context.Dispatcher.Deliveries(Provider, "task-1");

        Assert.Equal([1, 2, 3], attempts.Select(a => a.Attempt));
        Assert.Equal([500, 500, 200], attempts.Select(a => a.Status ?? 0));
        Assert.Equal(3, counters.CallbacksSent);
        Assert.Equal(0, counters.CallbacksAbandoned);
    }

    [Fact]
    public async Task ReceiverContract_DecidesTheAcknowledgement_NotTheStatusAlone()
    {
        await using var context = await DispatcherContext.StartAsync();
        context.Receiver.Reply = _ => (200, "{\"code\":\"500\"}");

        context.Dispatcher.Schedule(
            TimeSpan.Zero,
            () => context.Message("task-1", retries: 1) with { IsAcknowledged = (status, body) => status == 200 && body.Contains("\"200\"", StringComparison.Ordinal) });
        await context.Receiver.WaitForAsync(2, Wait);
        var counters = await WaitForCountersAsync(context, c => c.CallbacksAbandoned == 1);

        Assert.Equal(0, counters.CallbacksAcknowledged);
        Assert.Equal(2, counters.CallbacksSent);
    }

    [Fact]
    public async Task UnreachableReceiver_IsRecordedWithTheErrorAndAbandoned()
    {
        await using var context = await DispatcherContext.StartAsync();
        var closedPort = new Uri("http://127.0.0.1:1/hook");

        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("task-1") with { Url = closedPort });
        await WaitForCountersAsync(context, c => c.CallbacksAbandoned == 1);
        var attempt = Assert.Single(context.Dispatcher.Deliveries(Provider, "task-1"));

        Assert.Null(attempt.Status);
        Assert.False(attempt.Acknowledged);
        Assert.False(string.IsNullOrEmpty(attempt.Error));
    }

    [Fact]
    public async Task Off_SendsNothing_AndRecordsASuppressedDelivery()
    {
        await using var context = await DispatcherContext.StartAsync();
        context.Dispatcher.SetBehaviour(new CallbackBehaviour { Provider = Provider, Mode = CallbackMode.Off });

        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("task-1"));
        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("task-2"));
        await WaitForAsync(() => context.Dispatcher.Deliveries(Provider, null).Count == 2);

        Assert.All(context.Dispatcher.Deliveries(Provider, null), d => Assert.Equal("suppressed", d.Kind));
        Assert.Empty(context.Receiver.Received);
        Assert.Equal(0, (await context.CountersAsync()).CallbacksSent);
    }

    [Fact]
    public async Task Duplicated_DeliversEveryCallbackTwice()
    {
        await using var context = await DispatcherContext.StartAsync();
        context.Dispatcher.SetBehaviour(new CallbackBehaviour { Provider = Provider, Mode = CallbackMode.Duplicated });

        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("task-1"));
        var received = await context.Receiver.WaitForAsync(2, Wait);
        await WaitForAsync(() => context.Dispatcher.Deliveries(Provider, "task-1").Count == 2);

        Assert.All(received, r => Assert.Equal("{\"taskId\":\"task-1\"}", r.Body));
        Assert.Equal(["duplicate", "genuine"], context.Dispatcher.Deliveries(Provider, "task-1").Select(d => d.Kind).Order());
    }

    [Fact]
    public async Task Forged_SendsTheForgedCopyFirst_ThenTheGenuineOne()
    {
        await using var context = await DispatcherContext.StartAsync();
        context.Dispatcher.SetBehaviour(new CallbackBehaviour { Provider = Provider, Mode = CallbackMode.Forged });
        context.Receiver.Reply = cb => cb.Header("X-Task") == "forged" ? (401, "{}") : (200, "{}");

        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("task-1", retries: 3) with
        {
            Forged = context.Message("task-1", retries: 3) with { Headers = new Dictionary<string, string> { ["X-Task"] = "forged" } },
        });
        var received = await context.Receiver.WaitForAsync(2, Wait);
        var counters = await WaitForCountersAsync(context, c => c.CallbacksAcknowledged == 1);

        Assert.Equal(["forged", "task-1"], received.Select(r => r.Header("X-Task")));
        Assert.Equal(2, counters.CallbacksSent);
        Assert.Equal(0, counters.CallbacksAbandoned);
    }

    [Fact]
    public async Task OutOfOrder_TheNextCallbackOvertakesTheHeldOne()
    {
        await using var context = await DispatcherContext.StartAsync();
        context.Dispatcher.SetBehaviour(new CallbackBehaviour { Provider = Provider, Mode = CallbackMode.OutOfOrder, DelayMs = 30_000 });

        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("first"));
        await WaitForAsync(() => context.Dispatcher.Deliveries(Provider, "first").Any(d => d.Kind == "held"));
        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("second"));
        var received = await context.Receiver.WaitForAsync(2, Wait);

        Assert.Equal(["second", "first"], received.Select(r => r.Header("X-Task")));
    }

    [Fact]
    public async Task OutOfOrder_ALoneCallbackIsReleasedAfterTheLongestHold()
    {
        await using var context = await DispatcherContext.StartAsync();
        context.Dispatcher.SetBehaviour(new CallbackBehaviour { Provider = Provider, Mode = CallbackMode.OutOfOrder, DelayMs = 50 });

        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("only"));

        Assert.Equal("only", Assert.Single(await context.Receiver.WaitForAsync(1, Wait)).Header("X-Task"));
    }

    [Fact]
    public async Task Reset_CancelsPendingCallbacks()
    {
        await using var context = await DispatcherContext.StartAsync();
        context.Dispatcher.SetBehaviour(new CallbackBehaviour { Provider = Provider, Mode = CallbackMode.Late, DelayMs = 300 });
        var built = 0;

        context.Dispatcher.Schedule(TimeSpan.FromMilliseconds(300), () =>
        {
            Interlocked.Increment(ref built);
            return context.Message("task-1");
        });
        context.Dispatcher.Reset();
        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("after-reset"));
        var received = await context.Receiver.WaitForAsync(1, Wait);

        // The cancelled callback was due in 300 ms; the one scheduled after the reset arrives first and alone.
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.Equal(["after-reset"], context.Receiver.Received.Select(r => r.Header("X-Task")));
        Assert.Equal(0, Volatile.Read(ref built));
        Assert.Single(received);
    }

    [Fact]
    public async Task NullMessage_SendsNothing()
    {
        await using var context = await DispatcherContext.StartAsync();

        context.Dispatcher.Schedule(TimeSpan.Zero, () => null);
        context.Dispatcher.Schedule(TimeSpan.Zero, () => context.Message("marker"));
        await context.Receiver.WaitForAsync(1, Wait);

        Assert.Equal(["marker"], context.Receiver.Received.Select(r => r.Header("X-Task")));
    }

    [Theory]
    [InlineData("{\"provider\":\"nobody\"}", "provider")]
    [InlineData("{\"provider\":\"topview\",\"mode\":\"late\",\"delayMs\":-1}", "delayMs")]
    public async Task InvalidBehaviour_IsRejectedNamingTheField(string json, string field)
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.Http.PutAsync(
            new Uri("/_control/callback-behaviour", UriKind.Relative),
            new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await UniAll.UniAllCalls.ReadJsonAsync(response);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task Behaviour_SetThroughTheControlApi_IsListedPerProvider()
    {
        await using var host = await SimulatorHost.StartAsync();

        await host.Control.SetCallbackBehaviourAsync(new CallbackBehaviour { Provider = "TopView", Mode = CallbackMode.Duplicated });
        var dispatcher = host.Services.GetRequiredService<CallbackDispatcher>();

        Assert.Equal(CallbackMode.Duplicated, dispatcher.Behaviours().Single(b => b.Provider == SimulatedProviders.TopView).Mode);
        Assert.Equal(CallbackMode.Normal, dispatcher.Behaviours().Single(b => b.Provider == SimulatedProviders.Apikley).Mode);
    }

    private static async Task<Ledger.ProviderCounters> WaitForCountersAsync(DispatcherContext context, Func<Ledger.ProviderCounters, bool> done)
    {
        Ledger.ProviderCounters counters = null!;
        await WaitForAsync(() => done(counters = context.CountersSync()));
        return counters;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        using var deadline = new CancellationTokenSource(Wait);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(10), deadline.Token);
        }
    }

    private sealed class DispatcherContext : IAsyncDisposable
    {
        private DispatcherContext(SimulatorHost host, CallbackReceiver receiver)
        {
            Host = host;
            Receiver = receiver;
            Dispatcher = host.Services.GetRequiredService<CallbackDispatcher>();
        }

        public SimulatorHost Host { get; }

        public CallbackReceiver Receiver { get; }

        public CallbackDispatcher Dispatcher { get; }

        public static async Task<DispatcherContext> StartAsync() =>
            new(await SimulatorHost.StartAsync(), await CallbackReceiver.StartAsync());

        public CallbackMessage Message(string taskId, int retries = 0) => new(
            Provider,
            taskId,
            Receiver.Url("/hook"),
            Encoding.UTF8.GetBytes($"{{\"taskId\":\"{taskId}\"}}"),
            new Dictionary<string, string> { ["X-Task"] = taskId },
            CallbackMessage.AnySuccessStatus,
            Enumerable.Repeat(TimeSpan.FromMilliseconds(10), retries).ToList());

        public Task<Ledger.ProviderCounters> CountersAsync() => Host.Control.GetCountersAsync(Provider);

        public Ledger.ProviderCounters CountersSync() =>
            Host.Services.GetRequiredService<Ledger.CounterBook>().Snapshot()[Provider];

        public async ValueTask DisposeAsync()
        {
            await Receiver.DisposeAsync();
            await Host.DisposeAsync();
        }
    }
}
