using System.Net;
using System.Security.Cryptography;
using System.Text;
using Workers.Contracts;
using Workers.IntegrationTests.Fleet.Rows;
using Workers.ProviderSimulator.Callbacks;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet;

/// <summary>A fleet that polls only after ten minutes and whose Apikley account signs its callbacks.</summary>
public sealed class SignedCallbacksFleetFixture : FleetFixture
{
    public const string HmacKey = "test-webhook-key";

    protected override IReadOnlyDictionary<string, string?> FleetSettings(Uri simulatorAddress) => new Dictionary<string, string?>
    {
        ["Providers:Apikley:Accounts:default:ApiKey"] = "simulator-key",
        ["Providers:Apikley:Accounts:default:WebhookHmacKey"] = HmacKey,
        ["Providers:Apikley:Polling:FirstPollSeconds"] = "600",
        ["Providers:Apikley:Polling:DefaultTimeoutSeconds"] = "3600",
    };
}

/// <summary>
/// Callbacks are hints that must be earned: unauthenticated, tampered, stale and replayed calls are refused or ignored
/// and change nothing; a genuine one makes the fleet poll at once, and the poll decides.
/// </summary>
public sealed class CallbackSecurityTests(SignedCallbacksFleetFixture fleet) : IClassFixture<SignedCallbacksFleetFixture>
{
    [Fact]
    public async Task ApikleyCallbacks_OnlyAGenuineFreshOneLeadsToAPollAndARepeatChangesNothing()
    {
        await fleet.Simulator.SetCallbackBehaviourAsync(new CallbackBehaviour { Provider = "apikley", Mode = CallbackMode.Off });
        var command = ApikleyVideoTests.Sora("signed");
        // Finished the moment it is created: the genuine callback below must find it ended, however loaded the machine.
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "apikley", PromptContains = command.RequestId, DurationMs = 0 });
        await fleet.Events.Publish(command);
        var accepted = await fleet.Events.WaitFor<GenerationAccepted>(command.RequestId);
        var row = (await fleet.Generations.FindAsync(command.RequestId, CancellationToken.None))!;
        var taskId = accepted.ProviderTaskId;
        var url = $"callbacks/apikley/{Uri.EscapeDataString(command.RequestId)}/{row.CallbackToken}";
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        using var http = new HttpClient { BaseAddress = fleet.FleetAddress };

        Assert.Equal(HttpStatusCode.NotFound, await CallAsync(http, url.Replace(row.CallbackToken!, new string('0', row.CallbackToken!.Length), StringComparison.Ordinal), taskId, now, Sign(taskId, now)));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(http, url, taskId, now, null));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(http, url, taskId, now, Sign(taskId, now, "another-key")));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(http, url, taskId, now - 600, Sign(taskId, now - 600)));
        Assert.Equal(HttpStatusCode.Unauthorized, await CallAsync(http, url, "task_someone_else", now, Sign("task_someone_else", now)));
        // None of them made the fleet ask Apikley anything.
        Assert.Equal(0, (await fleet.Simulator.GetCountersAsync("apikley")).Polls);

        Assert.Equal(HttpStatusCode.OK, await CallAsync(http, url, taskId, now, Sign(taskId, now)));
        var completed = await fleet.Events.WaitFor<GenerationCompleted>(command.RequestId);
        var pollsAfterGenuine = (await fleet.Simulator.GetCountersAsync("apikley")).Polls;
        Assert.Equal(HttpStatusCode.OK, await CallAsync(http, url, taskId, now, Sign(taskId, now)));

        Assert.Equal(0, completed.Timings.PollCount);
        Assert.Equal(pollsAfterGenuine, (await fleet.Simulator.GetCountersAsync("apikley")).Polls);
        Assert.Single(fleet.Events.About(command.RequestId).OfType<GenerationCompleted>());
    }

    private static async Task<HttpStatusCode> CallAsync(HttpClient http, string url, string taskId, long timestamp, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent($$$"""{"code":200,"msg":"Playground task completed successfully.","data":{"taskId":"{{{taskId}}}","state":"success"}}""",
                Encoding.UTF8, "application/json"),
        };
        if (signature is not null)
        {
            request.Headers.Add("X-Webhook-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("X-Webhook-Signature", signature);
        }

        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static string Sign(string taskId, long timestamp, string key = SignedCallbacksFleetFixture.HmacKey) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{taskId}.{timestamp}")));
}
