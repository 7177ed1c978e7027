using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workers.Components.Intake;
using Workers.Contracts;
using Workers.Persistence.Generations;
using Workers.Providers.Abstractions;
using Workers.ProviderSimulator;

namespace Workers.IntegrationTests.Fleet;

/// <summary>
/// One fleet for the whole corpus; every bad command is published once, in parallel batches through the management API,
/// the first time any case asks for it.
/// </summary>
public sealed class BadCommandCorpusFixture : FleetFixture
{
    private readonly Lazy<Task> published;
    private readonly ConcurrentDictionary<string, Lazy<Task<IReadOnlyList<string>>>> errorQueues = new();

    public BadCommandCorpusFixture() => published = new(PublishAllAsync);

    public Task PublishedAsync() => published.Value;

    /// <summary>The bodies in <paramref name="queue"/>'s error queue, once it holds every unreadable command of the corpus meant for it.</summary>
    public Task<IReadOnlyList<string>> ErrorQueueBodiesAsync(string queue) =>
        errorQueues.GetOrAdd(queue, q => new Lazy<Task<IReadOnlyList<string>>>(() => ReadErrorQueueAsync(q))).Value;

    private async Task PublishAllAsync()
    {
        // The fleet's host starts before its receive endpoints have bound their queues; a command published earlier is
        // routed nowhere. Its readiness check includes every endpoint.
        var health = Services.GetRequiredService<HealthCheckService>();
        var waited = Stopwatch.StartNew();
        while ((await health.CheckHealthAsync()).Status != HealthStatus.Healthy)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the fleet's bus did not become ready");
            await Task.Delay(200);
        }

        await Parallel.ForEachAsync(BadCommandCorpus.All, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (command, ct) =>
        {
            var routed = await Broker.Management.PublishJsonAsync(Broker.Name, command.Exchange, command.RoutingKey, command.Body, ct, command.ContentType);
            Assert.True(routed, $"{command.Name} was not routed");
        });
    }

    private async Task<IReadOnlyList<string>> ReadErrorQueueAsync(string queue)
    {
        var expected = BadCommandCorpus.All.Count(c => c.Outcome == CorpusOutcome.ErrorQueue && c.Queue == queue);
        var errorQueue = $"{queue}_error";
        var waited = Stopwatch.StartNew();
        while (await MessagesInAsync(errorQueue) < expected)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), $"{errorQueue} did not reach {expected} messages");
            await Task.Delay(500);
        }

        // Looked at once: a peek redelivers, and quorum queues count deliveries.
        var messages = await Broker.Management.PeekMessagesAsync(Broker.Name, errorQueue, expected + 10, CancellationToken.None);
        return [.. messages.EnumerateArray().Select(m => m.GetProperty("payload").GetString()!)];
    }

    /// <summary>Messages in a queue as the management API counts them; 0 when the queue does not exist.</summary>
    public async Task<long> MessagesInAsync(string queue)
    {
        var queues = await Broker.Management.GetQueuesAsync(Broker.Name, CancellationToken.None);
        var found = queues.EnumerateArray().FirstOrDefault(q => q.GetProperty("name").GetString() == queue);
        return found.ValueKind == JsonValueKind.Object && found.TryGetProperty("messages", out var count) && count.ValueKind == JsonValueKind.Number
            ? count.GetInt64()
            : 0;
    }
}

/// <summary>
/// Fault suite, scenario 6: the bad-command corpus on the real fleet. Every command whose request id can be read ends as
/// GenerationFailed(validation) naming the offending field, with a failed row (unless the id itself cannot key one) and
/// no submission; every other body lands in its queue's <c>_error</c> queue; nothing at all reaches a provider.
/// </summary>
public sealed class BadCommandCorpusTests(BadCommandCorpusFixture fleet) : IClassFixture<BadCommandCorpusFixture>
{
    public static TheoryData<string> Names => [.. BadCommandCorpus.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public async Task BadCommand_Published_IsAnsweredAsValidationOrParked(string name)
    {
        var command = BadCommandCorpus.Find(name);
        await fleet.PublishedAsync();

        if (command.Outcome == CorpusOutcome.ErrorQueue)
        {
            Assert.Contains(command.Body, await fleet.ErrorQueueBodiesAsync(command.Queue));
            return;
        }

        var failed = await fleet.Events.WaitFor<GenerationFailed>(command.RequestId!, TimeSpan.FromSeconds(20));
        Assert.Equal(GenerationErrorCodes.Validation, failed.Code);
        Assert.Contains(command.Field, failed.Message, StringComparison.Ordinal);
        var row = await fleet.Generations.FindAsync(command.RequestId!, CancellationToken.None);
        if (command.Outcome == CorpusOutcome.FailedRow)
        {
            Assert.NotNull(row);
            Assert.Equal((GenerationStatus.Failed, GenerationErrorCodes.Validation, failed.Message), (row.Status, row.ErrorCode, row.ErrorMessage));
        }
        else
        {
            Assert.Null(row);
        }

        foreach (var provider in SimulatedProviders.All)
        {
            Assert.Equal(0, await FleetAssertions.SubmissionsAsync(fleet, provider, command.RequestId!));
        }
    }

    [Fact]
    public async Task Corpus_EveryCommandEnded_NothingReachedAProviderAndOnlyTheUnreadableWereParked()
    {
        await fleet.PublishedAsync();
        var answerable = BadCommandCorpus.All.Where(c => c.Outcome != CorpusOutcome.ErrorQueue).ToList();
        Assert.True(BadCommandCorpus.All.Count >= 150, $"the corpus has {BadCommandCorpus.All.Count} commands");
        foreach (var command in answerable)
        {
            await fleet.Events.WaitFor<GenerationFailed>(command.RequestId!, TimeSpan.FromSeconds(20));
        }

        foreach (var queue in BadCommandCorpus.All.Where(c => c.Outcome == CorpusOutcome.ErrorQueue).Select(c => c.Queue).Distinct())
        {
            await fleet.ErrorQueueBodiesAsync(queue);
        }

        // Late duplicates would show up within this pause. (Plain JSON on the unroutable queue used to be answered once per
        // command type, three times, since it reads as any of them.)
        await Task.Delay(TimeSpan.FromSeconds(1));
        foreach (var command in answerable)
        {
            var failed = Assert.Single(fleet.Events.About(command.RequestId!));
            Assert.IsType<GenerationFailed>(failed);
        }

        foreach (var (provider, counters) in await fleet.Simulator.GetCountersAsync())
        {
            Assert.True(counters.SubmissionsAccepted + counters.SubmissionsRejected.Values.Sum() == 0,
                $"{provider} saw {counters.SubmissionsAccepted} accepted and {counters.SubmissionsRejected.Values.Sum()} rejected submissions");
        }

        // Answered commands were acknowledged: the error queues hold exactly the unreadable ones, and nothing was skipped.
        foreach (var queue in BadCommandCorpus.All.Select(c => c.Queue).Distinct())
        {
            var unreadable = BadCommandCorpus.All.Count(c => c.Outcome == CorpusOutcome.ErrorQueue && c.Queue == queue);
            Assert.Equal(unreadable, await fleet.MessagesInAsync($"{queue}_error"));
            Assert.Equal(0, await fleet.MessagesInAsync($"{queue}_skipped"));
        }
    }

    [Theory]
    [InlineData(CorpusRow.UniAllImage)]
    [InlineData(CorpusRow.TopViewStoryboard)]
    [InlineData(CorpusRow.TopViewVideo)]
    [InlineData(CorpusRow.ApikleyVideo)]
    [InlineData(CorpusRow.DepictaStoryboard)]
    public void Base_OfEachRow_PassesEveryRuleOfTheFleet(CorpusRow row)
    {
        // Each case breaks one thing of a valid command; this checks the valid command, without sending it anywhere.
        var json = BadCommandCorpus.Base(row, "base").ToJsonString();
        var errors = row switch
        {
            CorpusRow.UniAllImage => Validate<GenerateImage>(json, ProviderNames.UniAll),
            CorpusRow.TopViewStoryboard => Validate<GenerateStoryboard>(json, ProviderNames.TopView),
            CorpusRow.TopViewVideo => Validate<GenerateVideo>(json, ProviderNames.TopView),
            CorpusRow.ApikleyVideo => Validate<GenerateVideo>(json, ProviderNames.Apikley),
            _ => Validate<GenerateStoryboard>(json, ProviderNames.Depicta),
        };

        Assert.Empty(errors);
    }

    private IReadOnlyList<string> Validate<TCommand>(string json, string provider) where TCommand : class, IGenerationCommand
    {
        var command = JsonSerializer.Deserialize<TCommand>(json, JsonSerializerOptions.Web)!;
        var generator = fleet.Services.GetServices<IGenerationProvider<TCommand>>().Single(p => p.Provider == provider);
        return [.. CommandRules.Validate(command), .. generator.Validate(command)];
    }
}
