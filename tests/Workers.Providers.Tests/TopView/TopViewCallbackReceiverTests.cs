using System.Text;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.TopView;

namespace Workers.Providers.Tests.TopView;

public sealed class TopViewCallbackReceiverTests
{
    private const string Uuid = "dc67f538-f67b-4721-ba3a-867ead3d4c2b";
    private const string TaskId = "64883d52f0e14b7c";

    private readonly TopViewCallbackReceiver receiver = new(new FixedOptionsMonitor<TopViewOptions>(new TopViewOptions()));

    private static readonly ProviderTaskRef Task = new()
    {
        RequestId = "req",
        Kind = GenerationKinds.Video,
        Model = "Seedance 1.5 Pro",
        Account = "default",
        TaskId = TaskId,
        Details = new Dictionary<string, string> { [TopViewSubmissions.NoticeUuid] = Uuid },
    };

    [Fact]
    public void Read_GenuineCallback_IsAcceptedWithTheExactAcknowledgement()
    {
        var verdict = receiver.Read(Callback("simulator-uid", Body(TaskId, Uuid, """{"taskId":"x","status":"success","videos":[]}""")), Task);

        Assert.True(verdict.Accepted);
        Assert.Equal(200, verdict.StatusCode);
        Assert.Equal($"{Uuid}:success", verdict.DeduplicationKey);
        Assert.Equal(
            $$$"""{"code":"200","message":"Success","result":{"uuid":"{{{Uuid}}}","topviewUid":"simulator-uid","result":"success"}}""",
            verdict.ResponseJson);
    }

    [Fact]
    public void Read_ResultAsAJsonEncodedString_IsAccepted()
    {
        var encoded = System.Text.Json.JsonSerializer.Serialize("""{"taskId":"x","status":"fail"}""");

        var verdict = receiver.Read(Callback("simulator-uid", Body(TaskId, Uuid, encoded, status: "fail")), Task);

        Assert.True(verdict.Accepted);
        Assert.Equal($"{Uuid}:fail", verdict.DeduplicationKey);
    }

    [Theory]
    [InlineData("forged-simulator-uid")]
    [InlineData("")]
    [InlineData(null)]
    public void Read_WrongUid_IsRefusedWith401AndAFailAcknowledgement(string? uid)
    {
        var verdict = receiver.Read(Callback(uid, Body(TaskId, Uuid, "{}")), Task);

        Assert.False(verdict.Accepted);
        Assert.Equal(401, verdict.StatusCode);
        Assert.Equal(
            $$$"""{"code":"200","message":"Success","result":{"uuid":"{{{Uuid}}}","topviewUid":"simulator-uid","result":"fail"}}""",
            verdict.ResponseJson);
        Assert.Contains("Topview-Uid", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnotherTasksId_IsRefused()
    {
        var verdict = receiver.Read(Callback("simulator-uid", Body("another-task", Uuid, "{}")), Task);

        Assert.False(verdict.Accepted);
        Assert.Equal(401, verdict.StatusCode);
        Assert.Contains("another-task", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AnotherUuid_IsRefused()
    {
        var verdict = receiver.Read(Callback("simulator-uid", Body(TaskId, "00000000-0000-0000-0000-000000000000", "{}")), Task);

        Assert.False(verdict.Accepted);
        Assert.Contains("noticeUuid", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoUuidRecorded_ChecksUidAndTaskOnly()
    {
        var verdict = receiver.Read(Callback("simulator-uid", Body(TaskId, "any-uuid", "{}")), Task with { Details = new Dictionary<string, string>() });

        Assert.True(verdict.Accepted);
        Assert.Equal("any-uuid:success", verdict.DeduplicationKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    public void Read_UnreadableBody_IsRefused(string body)
    {
        var verdict = receiver.Read(Callback("simulator-uid", body), Task);

        Assert.False(verdict.Accepted);
        Assert.Equal(400, verdict.StatusCode);
    }

    private static string Body(string taskId, string uuid, string result, string status = "success") =>
        $$"""{"uuid":"{{uuid}}","bizType":"COMMON_TASK_IMAGE2VIDEO","taskId":"{{taskId}}","status":"{{status}}","errorMsg":null,"result":{{result}}}""";

    private static ProviderCallback Callback(string? uid, string body)
    {
        var headers = new Dictionary<string, string> { ["Content-Type"] = "application/json" };
        if (uid is not null)
        {
            headers["topview-uid"] = uid;
        }

        return new ProviderCallback(headers, Encoding.UTF8.GetBytes(body), DateTimeOffset.UnixEpoch);
    }
}
