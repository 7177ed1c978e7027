using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.Scripts;

/// <summary>What a scripted submission does (wire names in snake_case).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ScriptOutcome>))]
public enum ScriptOutcome
{
    /// <summary>The task runs and succeeds (the default when nothing is scripted).</summary>
    [JsonStringEnumMemberName("success")]
    Success,

    /// <summary>The task is accepted and later ends as failed with the script's message.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,

    /// <summary>Like <see cref="Failed"/>, with a content-policy message by default.</summary>
    [JsonStringEnumMemberName("content_policy")]
    ContentPolicy,

    /// <summary>The submission is rejected with the provider's insufficient-credits error (UniAll: HTTP 402).</summary>
    [JsonStringEnumMemberName("insufficient_credits")]
    InsufficientCredits,

    /// <summary>The task is accepted and stays in progress forever.</summary>
    [JsonStringEnumMemberName("stuck")]
    Stuck,

    /// <summary>The task is created (accepted and charged) but the connection is aborted before the response is sent.</summary>
    [JsonStringEnumMemberName("accept_then_drop")]
    AcceptThenDrop,

    /// <summary>
    /// TopView only: the task succeeds but its first result item fails with the script's message, and only the other
    /// items are charged; a task of one item (every storyboard, generatingCount 1) fails as with <see cref="Failed"/>.
    /// </summary>
    [JsonStringEnumMemberName("partial_failure")]
    PartialFailure,
}
