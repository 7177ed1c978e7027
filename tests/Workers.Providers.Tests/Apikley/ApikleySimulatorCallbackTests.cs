using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Workers.Providers.Abstractions;
using Workers.Providers.Apikley;
using Workers.ProviderSimulator.Callbacks;

namespace Workers.Providers.Tests.Apikley;

/// <summary>The receiver's verdicts on the callbacks the simulator really sends, caught on its outgoing HttpClient.</summary>
public sealed class ApikleySimulatorCallbackTests
{
    private const string HmacKey = "simulator-webhook-key-0123456789";

    [Fact]
    public async Task Read_UnsignedCallbackFromTheSimulator_IsAcceptedAndAcknowledged()
    {
        var inbox = new CallbackInbox();
        await using var sim = await ApikleySimulator.StartAsync(configure: inbox.Attach);
        var task = await SubmitAsync(sim, "unsigned");

        var callback = await inbox.NextAsync(task.TaskId);
        var verdict = Receiver(null).Read(callback, task);

        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Equal($"{task.TaskId}:success", verdict.DeduplicationKey);
    }

    [Fact]
    public async Task Read_SignedCallbackFromTheSimulator_IsAccepted()
    {
        var inbox = new CallbackInbox();
        await using var sim = await ApikleySimulator.StartAsync(
            ["--Simulator:Apikley:SignCallbacks=true", $"--Simulator:Apikley:DefaultWebhookHmacKey={HmacKey}"], inbox.Attach);
        var task = await SubmitAsync(sim, "signed");

        var callback = await inbox.NextAsync(task.TaskId);
        var verdict = Receiver(HmacKey).Read(callback, task);

        Assert.NotNull(callback.Header(ApikleyCallbackReceiver.SignatureHeader));
        Assert.True(verdict.Accepted, verdict.Reason);
    }

    [Fact]
    public async Task Read_ForgedSignedCallbackFromTheSimulator_IsRefusedAndTheGenuineOneAccepted()
    {
        var inbox = new CallbackInbox();
        await using var sim = await ApikleySimulator.StartAsync(
            ["--Simulator:Apikley:SignCallbacks=true", $"--Simulator:Apikley:DefaultWebhookHmacKey={HmacKey}"], inbox.Attach);
        await sim.Control.SetCallbackBehaviourAsync(new CallbackBehaviour { Provider = "apikley", Mode = CallbackMode.Forged });
        var task = await SubmitAsync(sim, "forged");

        var forged = await inbox.NextAsync(task.TaskId);
        var genuine = await inbox.NextAsync(task.TaskId);

        Assert.False(Receiver(HmacKey).Read(forged, task).Accepted);
        Assert.True(Receiver(HmacKey).Read(genuine, task).Accepted);
    }

    [Fact]
    public async Task Read_CallbackFromTheSimulatorForAnotherTask_IsRefused()
    {
        var inbox = new CallbackInbox();
        await using var sim = await ApikleySimulator.StartAsync(configure: inbox.Attach);
        var task = await SubmitAsync(sim, "other");

        var callback = await inbox.NextAsync(task.TaskId);

        Assert.False(Receiver(null).Read(callback, task with { TaskId = task.TaskId + "0" }).Accepted);
    }

    private static async Task<ProviderTaskRef> SubmitAsync(ApikleySimulator sim, string marker)
    {
        var command = ApikleyCommands.Video(marker);
        var context = new SubmitContext
        {
            Account = "default",
            RequestId = command.RequestId,
            CallbackUrl = new Uri($"https://fleet.example/callbacks/apikley/{command.RequestId}/token"),
            Prepared = new MemoryPreparedInputs(),
        };
        var submission = await sim.Provider.SubmitAsync(command, context, CancellationToken.None);
        return ApikleySimulator.TaskRef(submission.TaskId);
    }

    private static ApikleyCallbackReceiver Receiver(string? hmacKey)
    {
        var options = new ApikleyOptions();
        options.Accounts["default"].WebhookHmacKey = hmacKey;
        return new ApikleyCallbackReceiver(new FixedOptionsMonitor<ApikleyOptions>(options));
    }

    /// <summary>Stands in for the fleet's callback endpoint: keeps each call and acknowledges it as Apikley expects.</summary>
    private sealed class CallbackInbox : HttpMessageHandler
    {
        private readonly Channel<(string Body, ProviderCallback Callback)> received = Channel.CreateUnbounded<(string Body, ProviderCallback Callback)>();

        public void Attach(WebApplicationBuilder builder) =>
            builder.Services.AddHttpClient(CallbackDispatcher.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => this);

        public async Task<ProviderCallback> NextAsync(string taskId)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            while (true)
            {
                var (body, callback) = await received.Reader.ReadAsync(timeout.Token);
                if (body.Contains(taskId, StringComparison.Ordinal))
                {
                    return callback;
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            var headers = request.Headers.Concat(request.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            await received.Writer.WriteAsync((System.Text.Encoding.UTF8.GetString(body), new ProviderCallback(headers, body, TimeProvider.System.GetUtcNow())), cancellationToken);
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK)
            {
                Content = new StringContent(ApikleyCallbackReceiver.AcknowledgementJson),
                RequestMessage = request,
            };
        }

        protected override void Dispose(bool disposing)
        {
            // The HttpClient factory may dispose its handlers; the inbox lives as long as the test.
        }
    }
}
