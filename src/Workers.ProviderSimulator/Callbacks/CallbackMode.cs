using System.Text.Json.Serialization;

namespace Workers.ProviderSimulator.Callbacks;

/// <summary>How a provider's callbacks are delivered (wire names in snake_case).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallbackMode>))]
public enum CallbackMode
{
    /// <summary>Once, when the task ends, retried as the provider does until acknowledged.</summary>
    [JsonStringEnumMemberName("normal")]
    Normal,

    /// <summary>Never sent: the receiver must find out by polling.</summary>
    [JsonStringEnumMemberName("off")]
    Off,

    /// <summary>Each callback is delivered twice, independently.</summary>
    [JsonStringEnumMemberName("duplicated")]
    Duplicated,

    /// <summary>Each callback waits <see cref="CallbackBehaviour.DelayMs"/> before its first attempt.</summary>
    [JsonStringEnumMemberName("late")]
    Late,

    /// <summary>
    /// Each callback is held back until the provider's next callback has been delivered (or for
    /// <see cref="CallbackBehaviour.DelayMs"/> when none comes), so tasks' callbacks arrive in the wrong order.
    /// </summary>
    [JsonStringEnumMemberName("out_of_order")]
    OutOfOrder,

    /// <summary>
    /// Each callback is preceded by a forged copy (the provider's idea of forged: a bad signature, a wrong uid, a
    /// changed outcome), which a receiver must reject; the genuine one follows.
    /// </summary>
    [JsonStringEnumMemberName("forged")]
    Forged,
}
