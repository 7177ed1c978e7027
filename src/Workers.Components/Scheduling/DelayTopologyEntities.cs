namespace Workers.Components.Scheduling;

/// <summary>A durable exchange of the delay topology.</summary>
public sealed record DelayExchange(string Name, string Type, IReadOnlyDictionary<string, object> Arguments);

/// <summary>A durable queue of the delay topology.</summary>
public sealed record DelayQueue(string Name, IReadOnlyDictionary<string, object> Arguments);

/// <summary>A binding from an exchange to a queue or to another exchange.</summary>
public sealed record DelayBinding(string Source, string Destination, DelayBindingTarget Target, string RoutingKey);

/// <summary>What a <see cref="DelayBinding"/> points at.</summary>
public enum DelayBindingTarget
{
    Queue,
    Exchange,
}
