using RabbitMQ.Client;

namespace Workers.Components.Scheduling;

/// <summary>
/// Every exchange, queue and binding of the delay levels, as data: declared by <see cref="DelayTopologyDeclarer"/>
/// and inspected by tests.
/// </summary>
public sealed class DelayTopology
{
    DelayTopology(IReadOnlyList<DelayExchange> exchanges, IReadOnlyList<DelayQueue> queues, IReadOnlyList<DelayBinding> bindings)
    {
        Exchanges = exchanges;
        Queues = queues;
        Bindings = bindings;
    }

    /// <summary>
    /// Arguments of the <see cref="DelayTopologyNames.DeliveryExchange"/>. Receive endpoints declare the same exchange
    /// when they bind to it, and RabbitMQ refuses a redeclaration whose alternate exchange differs.
    /// </summary>
    public static IReadOnlyDictionary<string, object> DeliveryExchangeArguments { get; } = new Dictionary<string, object>
    {
        [DelayTopologyNames.AlternateExchangeArgument] = DelayTopologyNames.UnroutableExchange,
    };

    public IReadOnlyList<DelayExchange> Exchanges { get; }

    public IReadOnlyList<DelayQueue> Queues { get; }

    /// <summary>Bindings, in an order where every source and destination is declared first.</summary>
    public IReadOnlyList<DelayBinding> Bindings { get; }

    public static DelayTopology For(DelayLevels levels)
    {
        ArgumentNullException.ThrowIfNull(levels);

        var noArguments = new Dictionary<string, object>();
        var exchanges = new List<DelayExchange>
        {
            new(DelayTopologyNames.UnroutableExchange, ExchangeType.Fanout, noArguments),
            new(DelayTopologyNames.DeliveryExchange, ExchangeType.Topic, DeliveryExchangeArguments),
        };
        var queues = new List<DelayQueue>
        {
            new(DelayTopologyNames.UnroutableQueue, new Dictionary<string, object> { ["x-queue-type"] = "quorum" }),
        };
        var bindings = new List<DelayBinding>
        {
            new(DelayTopologyNames.UnroutableExchange, DelayTopologyNames.UnroutableQueue, DelayBindingTarget.Queue, ""),
        };

        foreach (var level in levels.Levels)
        {
            var name = DelayLevels.LevelName(level);

            // MassTransit declares the same exchange (topic, durable, no arguments) when it sends to
            // "exchange:delay-level-NN?type=topic", so this must stay argument-free.
            exchanges.Add(new DelayExchange(name, ExchangeType.Topic, noArguments));
            queues.Add(new DelayQueue(name, LevelQueueArguments(level)));
            bindings.Add(new DelayBinding(name, name, DelayBindingTarget.Queue, levels.QueueBindingPattern(level)));
            bindings.Add(new DelayBinding(name, DelayLevels.DeadLetterExchange(level), DelayBindingTarget.Exchange,
                levels.NextHopBindingPattern(level)));
        }

        return new DelayTopology(exchanges, queues, bindings);
    }

    static Dictionary<string, object> LevelQueueArguments(int level) => new()
    {
        ["x-queue-type"] = "quorum",
        ["x-message-ttl"] = (long)DelayLevels.LevelTimeToLive(level).TotalMilliseconds,
        ["x-dead-letter-exchange"] = DelayLevels.DeadLetterExchange(level),
        // At-least-once keeps an expired message in this queue until the next hop confirms it: nothing is lost
        // across a broker restart. RabbitMQ honours it only together with reject-publish overflow.
        ["x-dead-letter-strategy"] = "at-least-once",
        ["x-overflow"] = "reject-publish",
    };
}
