using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Workers.ProviderSimulator.Callbacks;
using Workers.ProviderSimulator.Scripts;
using Workers.ProviderSimulator.Tests.Callbacks;
using static Workers.ProviderSimulator.Tests.Apikley.ApikleyCalls;

namespace Workers.ProviderSimulator.Tests.Apikley;

/// <summary>callBackUrl: the recordInfo data wrapped in kie's envelope, optional HMAC signing, retries, the forged variant.</summary>
public sealed class ApikleyCallbackTests
{
    private const string HmacKey = "receiver-shared-secret";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Callback_SucceededTask_PostsTheRecordWrappedInCode200()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await CreateWithCallbackAsync(host, receiver, ScriptOutcome.Success);

        var callback = Assert.Single(await receiver.WaitForAsync(1, Wait));
        var body = JsonNode.Parse(callback.Body)!;
        var data = body["data"]!.AsObject();

        Assert.Equal(200, (int?)body["code"]);
        Assert.Equal("Playground task completed successfully.", (string?)body["msg"]);
        Assert.Equal(taskId, (string?)data["taskId"]);
        Assert.Equal("success", (string?)data["state"]);
        Assert.Equal(225m, (decimal?)data["consumeCredits"]);
        Assert.NotNull(data["remainedCredits"]);
        Assert.NotNull(data["completeTime"]);
        Assert.Equal(System.Text.Json.JsonValueKind.String, data["param"]!.GetValueKind());
        Assert.Null(callback.Header("X-Webhook-Signature"));
        host.Clock.Advance(TimeSpan.FromMilliseconds(50));
        using var video = await host.Http.GetAsync(new Uri(Assert.Single(ResultUrls(data))));
        video.EnsureSuccessStatusCode();
        Assert.Equal("video/mp4", video.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Callback_FailedTask_PostsCode501WithFailCodeAndNoCharge()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SimulatorHost.StartAsync();
        await CreateWithCallbackAsync(host, receiver, ScriptOutcome.Failed);

        var body = JsonNode.Parse(Assert.Single(await receiver.WaitForAsync(1, Wait)).Body)!;
        var data = body["data"]!;

        Assert.Equal(501, (int?)body["code"]);
        Assert.Equal("Playground task failed.", (string?)body["msg"]);
        Assert.Equal("fail", (string?)data["state"]);
        Assert.Equal("501", (string?)data["failCode"]);
        Assert.False(string.IsNullOrEmpty((string?)data["failMsg"]));
        Assert.Equal(0m, (decimal?)data["consumeCredits"]);
    }

    [Fact]
    public async Task Callback_Signed_VerifiesWithTheAccountsHmacKey()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Reply = callback => Verifies(callback) ? (200, "{}") : (401, "{}");
        await using var host = await SimulatorHost.StartAsync(
            ["--Simulator:Apikley:SignCallbacks=true", $"--Simulator:Apikley:WebhookHmacKeys:{ApiKey}={HmacKey}"]);
        var taskId = await CreateWithCallbackAsync(host, receiver, ScriptOutcome.Success);

        var callback = Assert.Single(await receiver.WaitForAsync(1, Wait));
        var timestamp = long.Parse(callback.Header("X-Webhook-Timestamp")!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(Verifies(callback));
        Assert.InRange(timestamp, host.Clock.GetUtcNow().ToUnixTimeSeconds() - 5, host.Clock.GetUtcNow().ToUnixTimeSeconds());
        var delivery = Assert.Single(await WaitForDeliveriesAsync(host, taskId, 1));
        Assert.True(delivery.Acknowledged);
    }

    [Fact]
    public async Task Callback_ForgedModeSigned_HasAWrongSignatureThatAVerifyingReceiverRejects()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Reply = callback => Verifies(callback) ? (200, "{}") : (401, "{}");
        await using var host = await SimulatorHost.StartAsync(
            ["--Simulator:Apikley:SignCallbacks=true", $"--Simulator:Apikley:DefaultWebhookHmacKey={HmacKey}"]);
        await host.Control.SetCallbackBehaviourAsync(new CallbackBehaviour { Provider = SimulatedProviders.Apikley, Mode = CallbackMode.Forged });
        var taskId = await CreateWithCallbackAsync(host, receiver, ScriptOutcome.Success);

        var received = await receiver.WaitForAsync(2, Wait);
        var deliveries = await WaitForDeliveriesAsync(host, taskId, 2);

        Assert.False(Verifies(received[0]));
        Assert.True(Verifies(received[1]));
        Assert.Equal(received[0].Body, received[1].Body);
        Assert.Equal([("forged", false), ("genuine", true)], deliveries.Select(d => (d.Kind, d.Acknowledged)).ToList());
    }

    [Fact]
    public async Task Callback_ForgedModeUnsigned_ReportsTheOppositeState()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.SetCallbackBehaviourAsync(new CallbackBehaviour { Provider = SimulatedProviders.Apikley, Mode = CallbackMode.Forged });
        await CreateWithCallbackAsync(host, receiver, ScriptOutcome.Success);

        var received = await receiver.WaitForAsync(2, Wait);

        Assert.Equal("fail", (string?)JsonNode.Parse(received[0].Body)!["data"]!["state"]);
        Assert.Equal("success", (string?)JsonNode.Parse(received[1].Body)!["data"]!["state"]);
    }

    [Fact]
    public async Task Callback_NotAcknowledged_IsRetriedThreeTimesThenAbandoned()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Reply = _ => (500, "{}");
        await using var host = await SimulatorHost.StartAsync(["--Simulator:SpeedFactor=1000"]);
        var taskId = await CreateWithCallbackAsync(host, receiver, ScriptOutcome.Success);

        await receiver.WaitForAsync(4, Wait);
        var deliveries = await WaitForDeliveriesAsync(host, taskId, 4);
        var counters = await host.Control.GetCountersAsync(SimulatedProviders.Apikley);

        Assert.Equal([1, 2, 3, 4], deliveries.Select(d => d.Attempt).ToList());
        Assert.All(deliveries, d => Assert.False(d.Acknowledged));
        Assert.Equal(1, counters.CallbacksAbandoned);
    }

    [Fact]
    public async Task Callback_AcknowledgedOnARetry_StopsRetrying()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        var calls = 0;
        receiver.Reply = _ => Interlocked.Increment(ref calls) == 1 ? (503, "{}") : (204, "");
        await using var host = await SimulatorHost.StartAsync(["--Simulator:SpeedFactor=1000"]);
        var taskId = await CreateWithCallbackAsync(host, receiver, ScriptOutcome.Success);

        await receiver.WaitForAsync(2, Wait);
        var deliveries = await WaitForDeliveriesAsync(host, taskId, 2);

        Assert.Equal([(1, false), (2, true)], deliveries.Select(d => (d.Attempt, d.Acknowledged)).ToList());
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.Apikley)).CallbacksAcknowledged);
    }

    [Fact]
    public async Task Callback_StuckTask_NeverCallsBack()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.Apikley, PromptContains = "stuck", Outcome = ScriptOutcome.Stuck, DurationMs = 0,
        });
        var stuck = await host.CreateOkAsync(Body(("callBackUrl", receiver.Url("/hook").ToString()), ("input.shots", StuckShot())));
        var normal = await CreateWithCallbackAsync(host, receiver, ScriptOutcome.Success);

        var callback = Assert.Single(await receiver.WaitForAsync(1, Wait));

        Assert.Equal(normal, (string?)JsonNode.Parse(callback.Body)!["data"]!["taskId"]);
        Assert.Empty(await host.Control.GetCallbackDeliveriesAsync(SimulatedProviders.Apikley, stuck));
    }

    /// <summary>What a receiver does: recompute Base64(HMAC-SHA256(taskId + "." + timestamp)) and compare in constant time.</summary>
    private static bool Verifies(ReceivedCallback callback)
    {
        if (callback.Header("X-Webhook-Timestamp") is not { } timestamp || callback.Header("X-Webhook-Signature") is not { } signature)
        {
            return false;
        }

        var taskId = (string)JsonNode.Parse(callback.Body)!["data"]!["taskId"]!;
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(HmacKey), Encoding.UTF8.GetBytes($"{taskId}.{timestamp}"));
        var given = new byte[expected.Length];
        return Convert.TryFromBase64String(signature, given, out var written)
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private static JsonArray StuckShot() => new(new JsonObject { ["Scene"] = "stuck", ["duration"] = 5 });

    private static async Task<string> CreateWithCallbackAsync(SimulatorHost host, CallbackReceiver receiver, ScriptOutcome outcome)
    {
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.Apikley, PromptContains = "scene 1", Outcome = outcome, DurationMs = 50, Count = 1,
        });
        return await host.CreateOkAsync(Body(("callBackUrl", receiver.Url("/hook").ToString())));
    }

    private static async Task<IReadOnlyList<CallbackDelivery>> WaitForDeliveriesAsync(SimulatorHost host, string taskId, int count)
    {
        // The receiver has answered; the simulator records the attempt right after, so give it a moment.
        for (var i = 0; i < 100; i++)
        {
            var deliveries = await host.Control.GetCallbackDeliveriesAsync(SimulatedProviders.Apikley, taskId);
            if (deliveries.Count >= count)
            {
                return deliveries;
            }

            await Task.Delay(20);
        }

        return await host.Control.GetCallbackDeliveriesAsync(SimulatedProviders.Apikley, taskId);
    }
}
