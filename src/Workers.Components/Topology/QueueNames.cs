namespace Workers.Components.Topology;

/// <summary>Queue names as operators see them in the RabbitMQ console: kebab-case, saying what they hold.</summary>
public static class QueueNames
{
    /// <summary>Commands refused by nobody and routed nowhere (unknown or missing provider).</summary>
    public const string Unroutable = "generation-unroutable";

    /// <summary>Finished provider tasks waiting for their artifacts to be copied and recorded.</summary>
    public const string Results = "generation-results";

    /// <summary>Cancellations (bound to the <c>cancel-generation</c> exchange).</summary>
    public const string Cancel = "generation-cancel";

    /// <summary>Accepted task ids waiting for the database, so that a paid task is never lost to an outage.</summary>
    public const string TaskIds = "generation-task-ids";

    /// <summary>A provider's submissions of one kind, e.g. <c>uniall-image-submit</c>.</summary>
    public static string Submit(string provider, string kind) => $"{provider}-{kind}-submit";

    /// <summary>A provider's polls, e.g. <c>uniall-poll</c>.</summary>
    public static string Poll(string provider) => $"{provider}-poll";
}
