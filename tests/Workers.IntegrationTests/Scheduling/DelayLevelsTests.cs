using System.ComponentModel.DataAnnotations;
using MassTransit;
using Workers.Components.Scheduling;

namespace Workers.IntegrationTests.Scheduling;

/// <summary>The level arithmetic, without a broker.</summary>
public sealed class DelayLevelsTests
{
    const string Destination = "uniall-poll";

    static readonly DelayLevels Levels = new();

    [Theory]
    [InlineData(1, 0, "0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.uniall-poll")]
    [InlineData(2, 1, "0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.uniall-poll")]
    [InlineData(3, 1, "0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.1.uniall-poll")]
    [InlineData(5, 2, "0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.1.0.1.uniall-poll")]
    [InlineData(131_071, 16, "0.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.uniall-poll")]
    [InlineData(131_072, 17, "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.uniall-poll")]
    [InlineData(262_143, 17, "1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.uniall-poll")]
    public void RoutingKey_LevelBoundaries_CarriesBitsFromMaxLevelDownAndEntersAtHighestSetBit(
        long seconds, int entryLevel, string routingKey)
    {
        Assert.Equal(routingKey, Levels.RoutingKey(seconds, Destination));
        Assert.Equal(entryLevel, Levels.EntryLevel(seconds));
    }

    [Fact]
    public void MaxDelay_DefaultLevels_IsEveryLevelOnceAndCoversThreeDays()
    {
        Assert.Equal(17, Levels.MaxLevel);
        Assert.Equal(262_143, Levels.MaxDelaySeconds);
        Assert.True(Levels.MaxDelay >= TimeSpan.FromHours(72));
    }

    [Theory]
    [InlineData(-5_000, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(200, 1)]
    [InlineData(1_000, 1)]
    [InlineData(1_001, 2)]
    [InlineData(2_500, 3)]
    public void ToDelaySeconds_Milliseconds_RoundsUpToWholeSecondsAndNothingBelowZero(int milliseconds, long seconds) =>
        Assert.Equal(seconds, Levels.ToDelaySeconds(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void ToDelaySeconds_ExactlyMax_IsAccepted() =>
        Assert.Equal(Levels.MaxDelaySeconds, Levels.ToDelaySeconds(Levels.MaxDelay));

    [Fact]
    public void ToDelaySeconds_MaxPlusOneSecond_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Levels.ToDelaySeconds(Levels.MaxDelay + TimeSpan.FromSeconds(1)));

    [Fact]
    public void ToDelaySeconds_MaxPlusOneTick_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Levels.ToDelaySeconds(Levels.MaxDelay + TimeSpan.FromTicks(1)));

    [Fact]
    public void RoutingKey_MaxPlusOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Levels.RoutingKey(Levels.MaxDelaySeconds + 1, Destination));

    [Fact]
    public async Task ScheduleSend_DelayAboveMax_ThrowsBeforeSending()
    {
        var provider = new RefusingSendEndpointProvider();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => provider.ScheduleSend(Levels, Destination,
            new DelayProbe(Guid.NewGuid()), Levels.MaxDelay + TimeSpan.FromSeconds(1), CancellationToken.None));
    }

    [Theory]
    [InlineData(0, "*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.1.#", "*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.*.0.#")]
    [InlineData(16, "*.1.#", "*.0.#")]
    [InlineData(17, "1.#", "0.#")]
    public void BindingPatterns_Level_TestTheLevelsBit(int level, string queuePattern, string nextHopPattern)
    {
        Assert.Equal(queuePattern, Levels.QueueBindingPattern(level));
        Assert.Equal(nextHopPattern, Levels.NextHopBindingPattern(level));
    }

    [Fact]
    public void LevelNames_AreTwoDigitsAndChainDownToDelivery()
    {
        Assert.Equal("delay-level-00", DelayLevels.LevelName(0));
        Assert.Equal("delay-level-17", DelayLevels.LevelName(17));
        Assert.Equal("delay-level-16", DelayLevels.DeadLetterExchange(17));
        Assert.Equal(DelayTopologyNames.DeliveryExchange, DelayLevels.DeadLetterExchange(0));
        Assert.Equal(TimeSpan.FromSeconds(131_072), DelayLevels.LevelTimeToLive(17));
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("poll*")]
    [InlineData("#")]
    [InlineData(" ")]
    public void EnsureDestination_NotOneTopicWord_Throws(string destination) =>
        Assert.ThrowsAny<ArgumentException>(() => DelayLevels.EnsureDestination(destination));

    /// <summary>
    /// Follows the declared bindings the way RabbitMQ would, for every delay up to 2^13 s and each level's edges: at each
    /// exchange exactly one binding matches, the queue TTLs add up to the delay, and only the destination matches.
    /// </summary>
    [Fact]
    public void Topology_EveryDelay_RoutesThroughLevelsSummingToTheDelayThenToItsDestination()
    {
        var topology = DelayTopology.For(Levels);
        var delays = Enumerable.Range(1, 1 << 13).Select(x => (long)x)
            .Concat(Levels.Levels.SelectMany(level => new[] { (1L << level) - 1, 1L << level, (1L << level) + 1 }))
            .Append(Levels.MaxDelaySeconds)
            .Where(seconds => seconds >= 1 && seconds <= Levels.MaxDelaySeconds)
            .Distinct();

        foreach (var seconds in delays)
        {
            var key = Levels.RoutingKey(seconds, Destination);
            var (held, hops) = Simulate(topology, DelayLevels.LevelName(Levels.EntryLevel(seconds)), key);

            Assert.Equal(seconds, held);
            Assert.Equal(long.PopCount(seconds), hops);
            Assert.True(TopicMatches(DelayLevels.DeliveryBindingPattern(Destination), key));
            Assert.False(TopicMatches(DelayLevels.DeliveryBindingPattern("poll"), key));
        }
    }

    [Theory]
    [InlineData(15)]
    [InlineData(23)]
    public void Options_MaxLevelOutOfRange_FailValidation(int maxLevel) =>
        Assert.False(IsValid(new DelayedDeliveryOptions { MaxLevel = maxLevel }));

    [Fact]
    public void Options_RetryIntervalZero_FailsValidation() =>
        Assert.False(IsValid(new DelayedDeliveryOptions { TopologyRetryInterval = TimeSpan.Zero }));

    [Fact]
    public void Options_Defaults_PassValidation() => Assert.True(IsValid(new DelayedDeliveryOptions()));

    static bool IsValid(DelayedDeliveryOptions options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), null, validateAllProperties: true);

    static (long HeldSeconds, int Hops) Simulate(DelayTopology topology, string entryExchange, string routingKey)
    {
        var queues = topology.Queues.ToDictionary(queue => queue.Name);
        var exchange = entryExchange;
        long held = 0;
        var hops = 0;

        while (exchange != DelayTopologyNames.DeliveryExchange)
        {
            var binding = Assert.Single(topology.Bindings,
                candidate => candidate.Source == exchange && TopicMatches(candidate.RoutingKey, routingKey));

            if (binding.Target == DelayBindingTarget.Exchange)
            {
                exchange = binding.Destination;
                continue;
            }

            var queue = queues[binding.Destination];
            held += (long)queue.Arguments["x-message-ttl"] / 1000;
            hops++;
            exchange = (string)queue.Arguments["x-dead-letter-exchange"];
        }

        return (held, hops);
    }

    /// <summary>AMQP topic matching: '*' is exactly one word, '#' zero or more.</summary>
    static bool TopicMatches(string pattern, string routingKey) =>
        Matches(pattern.Split('.'), 0, routingKey.Split('.'), 0);

    static bool Matches(string[] pattern, int p, string[] words, int w)
    {
        if (p == pattern.Length)
            return w == words.Length;

        if (pattern[p] == "#")
            return Enumerable.Range(w, words.Length - w + 1).Any(next => Matches(pattern, p + 1, words, next));

        return w < words.Length && (pattern[p] == "*" || pattern[p] == words[w]) && Matches(pattern, p + 1, words, w + 1);
    }

    sealed class RefusingSendEndpointProvider : ISendEndpointProvider
    {
        public ConnectHandle ConnectSendObserver(ISendObserver observer) => throw new InvalidOperationException("Not used.");

        public Task<ISendEndpoint> GetSendEndpoint(Uri address) =>
            throw new InvalidOperationException("A delay above the maximum must be refused before any send.");
    }
}
