using System.Net;
using Workers.ProviderSimulator.Scripts;
using static Workers.ProviderSimulator.Tests.UniAll.UniAllCalls;

namespace Workers.ProviderSimulator.Tests.Files;

/// <summary>Result links are signed and expire: a forged, tampered or expired link gets 403.</summary>
public sealed class SignedFileTests
{
    [Fact]
    public async Task Download_WithinLifetime_Succeeds_AndAtExpiry_Returns403()
    {
        await using var host = await SimulatorHost.StartAsync();
        var url = await FinishedResultUrlAsync(host);

        host.Clock.Advance(TimeSpan.FromHours(1) - TimeSpan.FromSeconds(1));
        using var stillValid = await host.Http.GetAsync(new Uri(url));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await host.Http.GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
    }

    [Fact]
    public async Task Query_AfterALinkExpired_HandsOutAFreshLink()
    {
        await using var host = await SimulatorHost.StartAsync();
        var taskId = await FinishedTaskAsync(host);
        host.Clock.Advance(TimeSpan.FromHours(2));

        var url = (string)(await host.QueryOkAsync(taskId))["result_url"]!;
        using var response = await host.Http.GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Download_WithConfiguredLifetime_ExpiresThen()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:FileUrlLifetime=00:05:00"]);
        var url = await FinishedResultUrlAsync(host);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        using var response = await host.Http.GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("payload")]
    [InlineData("garbage")]
    public async Task Download_ForgedToken_Returns403(string tamper)
    {
        await using var host = await SimulatorHost.StartAsync();
        var url = await FinishedResultUrlAsync(host);
        var segments = url.Split('/');
        var token = segments[^2];
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        segments[^2] = tamper switch
        {
            // Flip one character of the HMAC.
            "signature" => token[..(dot + 1)] + (token[dot + 1] == 'A' ? 'B' : 'A') + token[(dot + 2)..],

            // Point the same signature at result index 1 (the payload ends "|0|<expiry>").
            "payload" => Convert.ToBase64String(ChangeIndex(FromBase64Url(token[..dot]))).TrimEnd('=').Replace('+', '-').Replace('/', '_') + token[dot..],
            _ => "not-a-token",
        };

        using var response = await host.Http.GetAsync(new Uri(string.Join('/', segments)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Download_LinkSignedByAnotherSimulator_Returns403()
    {
        await using var first = await SimulatorHost.StartAsync();
        await using var second = await SimulatorHost.StartAsync();
        var url = await FinishedResultUrlAsync(first);

        using var response = await second.Http.GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Query_WithPublicBaseUrl_WritesItIntoLinks()
    {
        await using var host = await SimulatorHost.StartAsync(["--Simulator:PublicBaseUrl=http://simulator.test:9000/"]);

        var url = await FinishedResultUrlAsync(host);

        Assert.StartsWith("http://simulator.test:9000/files/", url, StringComparison.Ordinal);
    }

    private static async Task<string> FinishedTaskAsync(SimulatorHost host)
    {
        await host.Control.AddScriptAsync(new OutcomeScript { Provider = SimulatedProviders.UniAll, DurationMs = 0 });
        return await host.SubmitOkAsync(Gpt(("n", 2)));
    }

    private static async Task<string> FinishedResultUrlAsync(SimulatorHost host) =>
        (string)(await host.QueryOkAsync(await FinishedTaskAsync(host)))["result_url"]!;

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }

    private static byte[] ChangeIndex(byte[] payload)
    {
        var text = System.Text.Encoding.UTF8.GetString(payload);
        Assert.Contains("|0|", text, StringComparison.Ordinal);
        return System.Text.Encoding.UTF8.GetBytes(text.Replace("|0|", "|1|", StringComparison.Ordinal));
    }
}
