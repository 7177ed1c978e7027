using static Workers.ProviderSimulator.Tests.TopView.TopViewCalls;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary><c>Topview-Uid</c> + <c>Authorization: Bearer</c> on every call; a failure is code "401" on HTTP 200.</summary>
public sealed class TopViewAuthTests
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", StoryboardPath + "/submit" },
        { "GET", StoryboardPath + "/query?taskId=x" },
        { "POST", VideoPath + "/submit" },
        { "GET", VideoPath + "/query?taskId=x" },
        { "GET", "/v1/upload/credential?format=png" },
        { "GET", "/v1/upload/check?fileId=x" },
        { "GET", "/user/credit/detail" },
        { "POST", "/notice/notice_url/check" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AnyEndpoint_WithoutUidOrKey_Returns401Code(string method, string path)
    {
        await using var host = await SimulatorHost.StartAsync();

        using var noUid = await host.SendAsync(new HttpMethod(method), path, "{}", uid: null);
        using var noKey = await host.SendAsync(new HttpMethod(method), path, "{}", apiKey: null);

        await ErrorAsync(noUid, "401", "without uid");
        await ErrorAsync(noKey, "401", "without key");
    }

    [Fact]
    public async Task Submit_WithConfiguredAccounts_AcceptsOnlyTheMatchingUidAndKey()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:TopView:Accounts:uid-a=key-a"]);

        using var right = await host.SendAsync(HttpMethod.Get, "/user/credit/detail", uid: "uid-a", apiKey: "key-a");
        using var wrongKey = await host.SendAsync(HttpMethod.Get, "/user/credit/detail", uid: "uid-a", apiKey: "key-b");
        using var unknownUid = await host.SendAsync(HttpMethod.Get, "/user/credit/detail", uid: "uid-b", apiKey: "key-a");

        await ResultOkAsync(right);
        await ErrorAsync(wrongKey, "401");
        await ErrorAsync(unknownUid, "401");
    }

    [Fact]
    public async Task Submit_Unauthorized_IsCountedAsRejected401AndChecksAuthBeforeBody()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.SendAsync(HttpMethod.Post, StoryboardPath + "/submit", "not json", apiKey: null);

        await ErrorAsync(response, "401");
        Assert.Equal(1, (await host.Control.GetCountersAsync(SimulatedProviders.TopView)).SubmissionsRejected[401]);
    }

    [Fact]
    public async Task Routes_AreAlsoServedUnderTheTopViewPrefix()
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.SendAsync(HttpMethod.Get, "/topview/user/credit/detail");

        await ResultOkAsync(response);
    }
}
