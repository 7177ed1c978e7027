using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Workers.Providers.Abstractions;
using Workers.Providers.Apikley;

namespace Workers.Providers.Tests.Apikley;

/// <summary>Callback verdicts on hand-made callbacks, signed here independently of the receiver.</summary>
public sealed class ApikleyCallbackReceiverTests
{
    private const string TaskId = "task_sora-2-pro-storyboard_1765188271139";
    private const string HmacKey = "0123456789abcdef0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_UnsignedGenuineCallbackForAnAccountWithoutKey_IsAcceptedAndAcknowledged()
    {
        var verdict = Receiver(hmacKey: null).Read(Callback(Body(TaskId, "success")), Task());

        Assert.True(verdict.Accepted);
        Assert.Equal(200, verdict.StatusCode);
        Assert.Equal("""{"code":200,"msg":"success"}""", verdict.ResponseJson);
        Assert.Equal($"{TaskId}:success", verdict.DeduplicationKey);
    }

    [Fact]
    public void Read_SignedGenuineCallback_IsAccepted()
    {
        var timestamp = Now.AddSeconds(-10).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var verdict = Receiver(HmacKey).Read(Callback(Body(TaskId, "fail"), timestamp, Signature(TaskId, timestamp, HmacKey)), Task());

        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Equal($"{TaskId}:fail", verdict.DeduplicationKey);
    }

    [Fact]
    public void Read_SnakeCaseTaskId_IsAccepted()
    {
        var body = $$$"""{"code":200,"msg":"ok","data":{"task_id":"{{{TaskId}}}","state":"success"}}""";

        Assert.True(Receiver(hmacKey: null).Read(Callback(body), Task()).Accepted);
    }

    [Fact]
    public void Read_SignatureMadeWithAnotherKey_IsRefused()
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var verdict = Receiver(HmacKey).Read(Callback(Body(TaskId, "success"), timestamp, Signature(TaskId, timestamp, "another-key")), Task());

        AssertRefused(verdict, "signature");
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("")]
    public void Read_MalformedOrEmptySignature_IsRefused(string signature)
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        AssertRefused(Receiver(HmacKey).Read(Callback(Body(TaskId, "success"), timestamp, signature), Task()), "");
    }

    [Fact]
    public void Read_UnsignedCallbackForAnAccountWithKey_IsRefused() =>
        AssertRefused(Receiver(HmacKey).Read(Callback(Body(TaskId, "success")), Task()), "missing");

    [Theory]
    [InlineData(-301, false)]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(301, false)]
    public void Read_TimestampAge_IsBoundedByCallbackMaxAgeSeconds(int offsetSeconds, bool accepted)
    {
        var timestamp = Now.AddSeconds(offsetSeconds).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        var verdict = Receiver(HmacKey).Read(Callback(Body(TaskId, "success"), timestamp, Signature(TaskId, timestamp, HmacKey)), Task());

        Assert.Equal(accepted, verdict.Accepted);
    }

    [Fact]
    public void Read_TimestampInMilliseconds_IsRefusedAsStale()
    {
        var timestamp = Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

        AssertRefused(Receiver(HmacKey).Read(Callback(Body(TaskId, "success"), timestamp, Signature(TaskId, timestamp, HmacKey)), Task()), "s from the arrival");
    }

    [Fact]
    public void Read_SignedCallbackAboutAnotherTask_IsRefused()
    {
        const string other = "task_sora-2-pro-storyboard_1";
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        // Genuinely signed, but for another task: a replay aimed at this request's URL.
        var verdict = Receiver(HmacKey).Read(Callback(Body(other, "success"), timestamp, Signature(other, timestamp, HmacKey)), Task());

        AssertRefused(verdict, "not");
    }

    [Fact]
    public void Read_UnsignedCallbackAboutAnotherTask_IsRefused() =>
        AssertRefused(Receiver(hmacKey: null).Read(Callback(Body("task_other", "success")), Task()), "task_other");

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"code":200,"msg":"x"}""")]
    [InlineData("[]")]
    public void Read_BodyThatIsNoApikleyCallback_IsRefused(string body) =>
        AssertRefused(Receiver(hmacKey: null).Read(Callback(body), Task()), "");

    [Fact]
    public void Read_AccountNoLongerConfigured_IsRefused() =>
        AssertRefused(Receiver(hmacKey: null).Read(Callback(Body(TaskId, "success")), Task() with { Account = "gone" }), "gone");

    private static ApikleyCallbackReceiver Receiver(string? hmacKey)
    {
        var options = new ApikleyOptions();
        options.Accounts["default"].WebhookHmacKey = hmacKey;
        return new ApikleyCallbackReceiver(new FixedOptionsMonitor<ApikleyOptions>(options));
    }

    private static ProviderTaskRef Task() => ApikleySimulator.TaskRef(TaskId);

    private static string Body(string taskId, string state) => $$$"""
        {"code":200,"msg":"Playground task completed successfully.","data":{"taskId":"{{{taskId}}}","model":"sora-2-pro-storyboard",
         "state":"{{{state}}}","param":"{}","resultJson":"{\"resultUrls\":[\"https://cdn.example/v.mp4\"]}","failCode":"","failMsg":"",
         "consumeCredits":225,"remainedCredits":1000,"costTime":8,"createTime":1,"completeTime":2,"updateTime":2}}
        """;

    private static ProviderCallback Callback(string body, string? timestamp = null, string? signature = null)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        if (timestamp is not null)
        {
            headers["x-webhook-timestamp"] = timestamp;
        }

        if (signature is not null)
        {
            headers["X-Webhook-Signature"] = signature;
        }

        return new ProviderCallback(headers, Encoding.UTF8.GetBytes(body), Now);
    }

    private static string Signature(string taskId, string timestamp, string key)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(taskId + "." + timestamp)));
    }

    private static void AssertRefused(CallbackVerdict verdict, string reasonMentions)
    {
        Assert.False(verdict.Accepted);
        Assert.Equal(401, verdict.StatusCode);
        Assert.Equal("""{"code":401,"msg":"callback refused"}""", verdict.ResponseJson);
        Assert.Contains(reasonMentions, verdict.Reason, StringComparison.Ordinal);
    }
}
