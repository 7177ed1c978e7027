using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// kie's webhook signing (docs/PROVIDERS.md §3.5): <c>X-Webhook-Timestamp</c> = unix seconds, <c>X-Webhook-Signature</c> =
/// Base64(HMAC-SHA256(taskId + "." + timestamp, webhookHmacKey)).
/// </summary>
public static class ApikleyWebhookSignature
{
    public const string TimestampHeader = "X-Webhook-Timestamp";
    public const string SignatureHeader = "X-Webhook-Signature";

    public static string Compute(string taskId, long unixSeconds, string hmacKey)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        ArgumentNullException.ThrowIfNull(hmacKey);
        var message = string.Create(CultureInfo.InvariantCulture, $"{taskId}.{unixSeconds}");
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(hmacKey), Encoding.UTF8.GetBytes(message)));
    }

    /// <summary>The two headers of a signed callback.</summary>
    public static IReadOnlyDictionary<string, string> Headers(string taskId, long unixSeconds, string hmacKey) =>
        new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            [TimestampHeader] = unixSeconds.ToString(CultureInfo.InvariantCulture),
            [SignatureHeader] = Compute(taskId, unixSeconds, hmacKey),
        };
}
