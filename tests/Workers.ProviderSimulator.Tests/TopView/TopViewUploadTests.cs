using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workers.ProviderSimulator.TopView;
using static Workers.ProviderSimulator.Tests.TopView.TopViewCalls;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary>The three-step upload of docs/PROVIDERS.md §0.2: credential → bare PUT to the presigned URL → check.</summary>
public sealed class TopViewUploadTests
{
    [Theory]
    [InlineData("png")]
    [InlineData("jpg")]
    [InlineData("jpeg")]
    [InlineData("bmp")]
    [InlineData("webp")]
    [InlineData("mp3")]
    [InlineData("wav")]
    [InlineData("m4a")]
    [InlineData("mp4")]
    [InlineData("avi")]
    [InlineData("mov")]
    public async Task Credential_SupportedFormat_ReturnsFileIdUploadUrlAndFileName(string format)
    {
        await using var host = await SimulatorHost.StartAsync();

        var credential = await host.CredentialAsync(format: format);

        var fileId = (string)credential["fileId"]!;
        Assert.Equal($"{fileId}.{format}", (string?)credential["fileName"]);
        Assert.Contains($"/_s3/{fileId}?", (string?)credential["uploadUrl"], StringComparison.Ordinal);
        Assert.Contains("X-Amz-Signature=", (string?)credential["uploadUrl"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gif", "4000")]
    [InlineData("pdf", "4000")]
    [InlineData("", "4003")]
    public async Task Credential_UnsupportedOrMissingFormat_ReturnsError(string format, string code)
    {
        await using var host = await SimulatorHost.StartAsync();

        using var response = await host.SendAsync(HttpMethod.Get, $"/v1/upload/credential?format={format}");

        await ErrorAsync(response, code);
    }

    [Fact]
    public async Task Check_IsFalseUntilThePutArrives_ThenTrue_AndTheBytesAreKept()
    {
        await using var host = await SimulatorHost.StartAsync();
        var credential = await host.CredentialAsync();
        var fileId = (string)credential["fileId"]!;

        var before = await CheckAsync(host, fileId);
        using var put = await host.PutAsync((string)credential["uploadUrl"]!, [1, 2, 3]);
        var after = await CheckAsync(host, fileId);

        Assert.False(before);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.True(after);
        Assert.Equal([1, 2, 3], host.Services.GetRequiredService<TopViewUploads>().Content(fileId));
    }

    [Fact]
    public async Task Check_FileOfAnotherUidOrUnknown_Returns4004()
    {
        await using var host = await SimulatorHost.StartAsync();
        var fileId = await host.UploadAsync("uid-owner");

        using var other = await host.SendAsync(HttpMethod.Get, $"/v1/upload/check?fileId={fileId}", uid: "uid-other");
        using var unknown = await host.SendAsync(HttpMethod.Get, "/v1/upload/check?fileId=nope");
        using var missing = await host.SendAsync(HttpMethod.Get, "/v1/upload/check");

        await ErrorAsync(other, "4004");
        await ErrorAsync(unknown, "4004");
        await ErrorAsync(missing, "4003");
    }

    [Fact]
    public async Task Put_WithTamperedSignatureOrForAnotherFileId_Returns403SignatureDoesNotMatch()
    {
        await using var host = await SimulatorHost.StartAsync();
        var first = await host.CredentialAsync();
        var second = await host.CredentialAsync();
        var url = (string)first["uploadUrl"]!;

        using var tampered = await host.PutAsync(url[..^2] + (url.EndsWith("AA", StringComparison.Ordinal) ? "BB" : "AA"), [1]);
        using var swapped = await host.PutAsync(url.Replace((string)first["fileId"]!, (string)second["fileId"]!, StringComparison.Ordinal), [1]);

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, swapped.StatusCode);
        Assert.False(await CheckAsync(host, (string)second["fileId"]!));
    }

    [Fact]
    public async Task Put_AfterTheUrlExpired_Returns403()
    {
        await using var host = await SimulatorHost.StartAsync();
        var credential = await host.CredentialAsync();

        host.Clock.Advance(TimeSpan.FromHours(1));
        using var response = await host.PutAsync((string)credential["uploadUrl"]!, [1]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_OverTheImageLimit_Returns400EntityTooLarge_AtTheLimitIsAccepted()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:TopView:MaxImageUploadMegabytes=1"]);
        var tooBig = await host.CredentialAsync();
        var atLimit = await host.CredentialAsync();

        using var rejected = await host.PutAsync((string)tooBig["uploadUrl"]!, new byte[(1024 * 1024) + 1]);
        using var accepted = await host.PutAsync((string)atLimit["uploadUrl"]!, new byte[1024 * 1024]);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("EntityTooLarge", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Fact]
    public async Task Reset_ForgetsUploads()
    {
        await using var host = await SimulatorHost.StartAsync();
        var fileId = await host.UploadAsync();

        await host.Control.ResetAsync();
        using var response = await host.SendAsync(HttpMethod.Get, $"/v1/upload/check?fileId={fileId}");

        await ErrorAsync(response, "4004");
        Assert.Null(host.Services.GetRequiredService<TopViewUploads>().Content(fileId));
    }

    private static async Task<bool> CheckAsync(SimulatorHost host, string fileId)
    {
        using var response = await host.SendAsync(HttpMethod.Get, $"/v1/upload/check?fileId={fileId}");
        var json = await Workers.ProviderSimulator.Tests.UniAll.UniAllCalls.ReadJsonAsync(response);
        Assert.Equal("200", (string?)json["code"]);
        return (bool)json["result"]!;
    }
}
