namespace Workers.Components.Scheduling;

/// <summary>Names of the broker entities shared by every delay level.</summary>
public static class DelayTopologyNames
{
    /// <summary>Topic exchange that routes expired messages to their destination by the last word of the routing key.</summary>
    public const string DeliveryExchange = "delay-delivery";

    /// <summary>
    /// Alternate exchange (and quorum queue) catching delayed messages whose destination is not bound to
    /// <see cref="DeliveryExchange"/>, so they are kept for an operator instead of stalling the dead-letter worker.
    /// </summary>
    public const string UnroutableExchange = "delay-unroutable";

    /// <summary>Quorum queue bound to <see cref="UnroutableExchange"/>.</summary>
    public const string UnroutableQueue = "delay-unroutable";

    /// <summary>The RabbitMQ exchange argument naming an alternate exchange.</summary>
    public const string AlternateExchangeArgument = "alternate-exchange";
}
