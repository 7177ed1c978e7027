using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.Faults;

/// <summary>Which calls an injected fault hits (wire names in lower case).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultTarget>))]
public enum FaultTarget
{
    /// <summary>Task submissions only (the paid calls).</summary>
    [JsonStringEnumMemberName("submit")]
    Submit,

    /// <summary>Status queries only.</summary>
    [JsonStringEnumMemberName("poll")]
    Poll,

    /// <summary>Submissions and status queries.</summary>
    [JsonStringEnumMemberName("all")]
    All,
}
