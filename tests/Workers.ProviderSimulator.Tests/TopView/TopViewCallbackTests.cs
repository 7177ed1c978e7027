using System.Text.Json.Nodes;
using Workers.ProviderSimulator.Callbacks;
using Workers.ProviderSimulator.Scripts;
using Workers.ProviderSimulator.Tests.Callbacks;
using static Workers.ProviderSimulator.Tests.TopView.TopViewCalls;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary>
/// <c>noticeUrl</c> callbacks (docs/PROVIDERS.md §0.3) over a real loopback receiver: the body and header, the echo-reply
/// acknowledgement, the retries, and the forged variant. Scripts make tasks end within 100 ms of real time.
/// </summary>
public sealed class TopViewCallbackTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Callback_AtTheEnd_PostsTheDocumentedBodyWithTheUidHeader_AndIsAcknowledgedByTheEchoReply()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Reply = Echo;
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 100 });
        using var submit = await host.SubmitAsync(VideoPath, ImageToVideo(("noticeUrl", receiver.Url("/hooks/topview").ToString()), ("generatingCount", 2)));
        var accepted = await ResultOkAsync(submit);

        var callback = Assert.Single(await receiver.WaitForAsync(1, Wait));
        var body = JsonNode.Parse(callback.Body)!;

        Assert.Equal("/hooks/topview", callback.Path);
        Assert.Equal(Uid, callback.Header("Topview-Uid"));
        Assert.Equal((string?)accepted["noticeUuid"], (string?)body["uuid"]);
        Assert.Equal("COMMON_TASK_IMAGE2VIDEO", (string?)body["bizType"]);
        Assert.Equal((string?)accepted["taskId"], (string?)body["taskId"]);
        Assert.Equal("success", (string?)body["status"]);
        Assert.Equal((string?)accepted["taskId"], (string?)body["result"]!["taskId"]);
        Assert.Equal(2, body["result"]!["videos"]!.AsArray().Count);
        var delivery = Assert.Single(await WaitForDeliveriesAsync(host, 1));
        Assert.True(delivery.Acknowledged);
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).CallbacksAcknowledged);
    }

    [Fact]
    public async Task Callback_OfAFailedStoryboard_SaysFailWithTheErrorMsgAndTheStoryboardBizType()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Reply = Echo;
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript
        {
            Provider = SimulatedProviders.TopView, Outcome = ScriptOutcome.Failed, Message = "boom", DurationMs = 50,
        });
        await host.SubmitOkAsync(StoryboardPath, Storyboard(("noticeUrl", receiver.Url("/cb").ToString())));

        var body = JsonNode.Parse(Assert.Single(await receiver.WaitForAsync(1, Wait)).Body)!;

        Assert.Equal("COMMON_TASK_STORYBOARD", (string?)body["bizType"]);
        Assert.Equal("fail", (string?)body["status"]);
        Assert.Equal("boom", (string?)body["errorMsg"]);
        Assert.Empty(body["result"]!["images"]!.AsArray());
    }

    [Theory]
    [InlineData(200, "{}")]
    [InlineData(500, "ECHO")]
    [InlineData(200, "{\"code\":\"200\",\"message\":\"Success\",\"result\":{\"uuid\":\"other\",\"topviewUid\":\"uid-test\",\"result\":\"success\"}}")]
    [InlineData(200, "{\"code\":\"200\",\"message\":\"Success\",\"result\":{\"uuid\":\"UUID\",\"topviewUid\":\"uid-test\",\"result\":\"fail\"}}")]
    [InlineData(200, "{\"code\":200,\"message\":\"Success\",\"result\":{\"uuid\":\"UUID\",\"topviewUid\":\"uid-test\",\"result\":\"success\"}}")]
    public async Task Callback_NotAcknowledgedAsDocumented_IsRetriedThreeTimesThenAbandoned(int status, string reply)
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Reply = callback =>
        {
            var uuid = (string)JsonNode.Parse(callback.Body)!["uuid"]!;
            return (status, reply == "ECHO" ? Echo(callback).Body : reply.Replace("UUID", uuid, StringComparison.Ordinal));
        };

        // Speed 1000 turns the 1 s / 2 s / 4 s retry waits into milliseconds.
        await using var host = await SimulatorHost.StartAsync(["--Simulator:SpeedFactor=1000"]);
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 0 });
        await host.SubmitOkAsync(StoryboardPath, Storyboard(("noticeUrl", receiver.Url("/cb").ToString())));

        await receiver.WaitForAsync(4, Wait);
        var deliveries = await WaitForDeliveriesAsync(host, 4);

        Assert.Equal([1, 2, 3, 4], deliveries.Select(d => d.Attempt));
        Assert.All(deliveries, d => Assert.False(d.Acknowledged));
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).CallbacksAbandoned);
    }

    [Fact]
    public async Task Callback_InForgedMode_IsPrecededByACopyWithAnotherUidAndTheOppositeStatus()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        receiver.Reply = Echo;
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.SetCallbackBehaviourAsync(new CallbackBehaviour { Provider = SimulatedProviders.TopView, Mode = CallbackMode.Forged });
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 0 });
        var taskId = await host.SubmitOkAsync(VideoPath, ImageToVideo(("noticeUrl", receiver.Url("/cb").ToString())));

        var callbacks = await receiver.WaitForAsync(2, Wait);
        var forged = JsonNode.Parse(callbacks[0].Body)!;
        var genuine = JsonNode.Parse(callbacks[1].Body)!;

        Assert.NotEqual(Uid, callbacks[0].Header("Topview-Uid"));
        Assert.Equal("fail", (string?)forged["status"]);
        Assert.Equal(taskId, (string?)forged["taskId"]);
        Assert.Equal(Uid, callbacks[1].Header("Topview-Uid"));
        Assert.Equal("success", (string?)genuine["status"]);
        Assert.Equal("success", (string?)(await host.QueryOkAsync(VideoPath, taskId))["status"]);
    }

    [Fact]
    public async Task Callback_OfAStuckTask_IsNeverSent()
    {
        await using var receiver = await CallbackReceiver.StartAsync();
        await using var host = await SimulatorHost.StartAsync();
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, Count = 1, Outcome = ScriptOutcome.Stuck, DurationMs = 0 });
        await host.SubmitOkAsync(VideoPath, ImageToVideo(("noticeUrl", receiver.Url("/stuck").ToString())));
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.TopView, DurationMs = 0 });
        await host.SubmitOkAsync(VideoPath, ImageToVideo(("noticeUrl", receiver.Url("/done").ToString())));

        await receiver.WaitForAsync(1, Wait);

        Assert.Equal(["/done"], receiver.Received.Select(callback => callback.Path));
    }

    [Fact]
    public async Task NoticeUrlCheck_AcceptsHttpUrls_AndRejectsOthers()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var good = await host.SendAsync(HttpMethod.Post, "/notice/notice_url/check", "{\"noticeUrl\":\"https://me.example/cb\"}");
        using var bad = await host.SendAsync(HttpMethod.Post, "/notice/notice_url/check", "{\"noticeUrl\":\"mailto:me@example.com\"}");
        using var missing = await host.SendAsync(HttpMethod.Post, "/notice/notice_url/check", "{}");

        var json = await Workers.ProviderSimulator.Tests.UniAll.UniAllCalls.ReadJsonAsync(good);
        Assert.Equal("200", (string?)json["code"]);
        Assert.True((bool)json["result"]!);
        await ErrorAsync(bad, "4000");
        await ErrorAsync(missing, "4003");
    }

    /// <summary>The documented acknowledgement: the callback's uuid and uid echoed back.</summary>
    internal static (int Status, string Body) Echo(ReceivedCallback callback)
    {
        var uuid = (string)JsonNode.Parse(callback.Body)!["uuid"]!;
        var reply = new JsonObject
        {
            ["code"] = "200",
            ["message"] = "Success",
            ["result"] = new JsonObject { ["uuid"] = uuid, ["topviewUid"] = callback.Header("Topview-Uid"), ["result"] = "success" },
        };
        return (200, reply.ToJsonString());
    }

    /// <summary>The deliveries are recorded just after the receiver answered: wait for them to show.</summary>
    private static async Task<IReadOnlyList<CallbackDelivery>> WaitForDeliveriesAsync(SimulatorHost host, int count)
    {
        using var deadline = new CancellationTokenSource(Wait);
        while (true)
        {
            var deliveries = await host.Control.GetCallbackDeliveriesAsync(SimulatedProviders.TopView, cancellationToken: deadline.Token);
            if (deliveries.Count >= count)
            {
                return deliveries;
            }

            await Task.Delay(20, deadline.Token);
        }
    }
}
