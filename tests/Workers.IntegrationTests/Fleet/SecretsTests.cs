using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Workers.Contracts;
using Workers.IntegrationTests.Fleet.Rows;
using Workers.ProviderSimulator.Scripts;

namespace Workers.IntegrationTests.Fleet;

/// <summary>
/// A fleet whose provider keys come from mounted secret files, as a Kubernetes Secret volume provides them, with
/// distinctive values to look for, logging everything down to Debug.
/// </summary>
public sealed class SecretFilesFleetFixture : FleetFixture
{
    public static readonly IReadOnlyDictionary<string, string> Secrets = new Dictionary<string, string>
    {
        ["Providers__UniAll__Accounts__default"] = "sk-canary-5d1e0c7a",
        ["Providers__TopView__Accounts__default__ApiKey"] = "tv-canary-5d1e0c7a",
        ["Providers__Apikley__Accounts__default__ApiKey"] = "ak-canary-5d1e0c7a",
        ["Providers__Apikley__Accounts__default__WebhookHmacKey"] = "hmac-canary-5d1e0c7a",
        ["Providers__Depicta__Accounts__default"] = "dpct_canary_5d1e0c7a",
    };

    private readonly string directory = Directory.CreateTempSubdirectory("workers-secrets-").FullName;

    protected override LogLevel FleetLogLevel => LogLevel.Debug;

    protected override IEnumerable<string> SimulatorArguments =>
        ["--Simulator:Apikley:SignCallbacks=true", $"--Simulator:Apikley:DefaultWebhookHmacKey={Secrets["Providers__Apikley__Accounts__default__WebhookHmacKey"]}"];

    protected override IReadOnlyDictionary<string, string?> FleetSettings(Uri simulatorAddress)
    {
        foreach (var (name, value) in Secrets)
        {
            File.WriteAllText(Path.Combine(directory, name), value);
        }

        return new Dictionary<string, string?> { ["SecretsDirectory"] = directory };
    }
}

/// <summary>Keys from secret files reach the providers and appear nowhere else: not in logs, events, rows or error messages.</summary>
public sealed class SecretsTests(SecretFilesFleetFixture fleet) : IClassFixture<SecretFilesFleetFixture>
{
    [Fact]
    public async Task EveryRowSucceedingAndFailing_NoKeyAppearsInLogsEventsOrRows()
    {
        var commands = new List<IGenerationCommand>
        {
            new GenerateImage { RequestId = Id("image"), Provider = "uniall", Model = "gpt-image-2", Prompt = "a cube", Size = "1024x1024" },
            TopViewStoryboardTests.Storyboard("secret"),
            TopViewVideoTests.Video("secret", fleet),
            ApikleyVideoTests.Sora("secret"),
            DepictaStoryTests.Story("secret"),
        };
        var failing = new GenerateImage { RequestId = Id("image-fails"), Provider = "uniall", Model = "gpt-image-2", Prompt = "a doomed cube", Size = "1024x1024" };
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = "doomed", Outcome = ScriptOutcome.Failed });
        commands.Add(failing);
        var refused = new GenerateImage { RequestId = Id("image-refused"), Provider = "uniall", Model = "gpt-image-2", Prompt = "a refused cube", Size = "1024x1024" };
        await fleet.Simulator.AddScriptAsync(new OutcomeScript { Provider = "uniall", PromptContains = "refused", HttpStatus = 401 });
        commands.Add(refused);

        foreach (var command in commands)
        {
            await fleet.Events.PublishAsItsType(command);
        }

        foreach (var command in commands)
        {
            await fleet.Events.WaitForOutcome(command.RequestId, TimeSpan.FromSeconds(90));
        }

        // The keys from the files were used: every row reached its provider with them (all but the scripted refusal accepted).
        Assert.Equal(6, (await fleet.Simulator.GetCountersAsync()).Values.Sum(c => c.SubmissionsAccepted));
        foreach (var (provider, key) in new[] { ("uniall", "Providers__UniAll__Accounts__default"), ("apikley", "Providers__Apikley__Accounts__default__ApiKey"),
                     ("depicta", "Providers__Depicta__Accounts__default") })
        {
            Assert.All(await fleet.Simulator.GetSubmissionsAsync(provider), s => Assert.Equal(SecretFilesFleetFixture.Secrets[key], s.Account));
        }

        var everything = string.Join('\n', fleet.Logs.Lines)
            + string.Join('\n', commands.SelectMany(c => fleet.Events.About(c.RequestId)).Select(e => JsonSerializer.Serialize(e, e.GetType())))
            + await RowsAsTextAsync();
        Assert.Contains(commands[0].RequestId, everything, StringComparison.Ordinal);
        foreach (var secret in SecretFilesFleetFixture.Secrets.Values)
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }

        Assert.Contains(fleet.Logs.Lines, line => line.StartsWith("Debug", StringComparison.Ordinal));
    }

    private async Task<string> RowsAsTextAsync()
    {
        await using var connection = new NpgsqlConnection(fleet.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT string_agg(row_to_json(g)::text, E'\\n') FROM generations g", connection);
        return (await command.ExecuteScalarAsync()) as string ?? "";
    }

    private static string Id(string what) => $"{what}-{Guid.NewGuid():N}";
}
