namespace Workers.IntegrationTests.Infrastructure;

/// <summary>
/// Tests that restart the shared broker: xunit runs this collection on its own, after the parallel ones, so no other
/// test of this assembly sees the broker go away.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitMqBrokerRestartCollection
{
    public const string Name = "RabbitMQ broker restart";
}
