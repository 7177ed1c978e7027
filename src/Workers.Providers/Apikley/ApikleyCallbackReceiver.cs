using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Apikley;

/// <summary>
/// Reads Apikley's <c>callBackUrl</c> calls: <c>{ code, msg, data }</c> with <c>data</c> shaped like recordInfo's. The
/// task id in the body must be the task's; an account with a webhook HMAC key also requires a fresh timestamp and its
/// signature (https://docs.kie.ai/common-api/webhook-verification).
/// </summary>
public sealed class ApikleyCallbackReceiver(IOptionsMonitor<ApikleyOptions> options) : IProviderCallbackReceiver
{
    public const string TimestampHeader = "X-Webhook-Timestamp";

    public const string SignatureHeader = "X-Webhook-Signature";

    public const string AcknowledgementJson = """{"code":200,"msg":"success"}""";

    public const string RefusalJson = """{"code":401,"msg":"callback refused"}""";

    public string Provider => ProviderNames.Apikley;

    public CallbackVerdict Read(ProviderCallback callback, ProviderTaskRef task)
    {
        ArgumentNullException.ThrowIfNull(callback);
        ArgumentNullException.ThrowIfNull(task);
        var settings = options.CurrentValue;
        if (!settings.Accounts.TryGetValue(task.Account, out var account))
        {
            return Refuse($"account '{task.Account}' is not configured");
        }

        if (Parse(callback.Body) is not { } record)
        {
            return Refuse("the body is not an Apikley callback");
        }

        if (!string.Equals(record.Id, task.TaskId, StringComparison.Ordinal))
        {
            return Refuse($"the callback is about task '{record.Id}', not '{task.TaskId}'");
        }

        if (!string.IsNullOrEmpty(account.WebhookHmacKey)
            && CheckSignature(callback, task.TaskId, account.WebhookHmacKey, settings.CallbackMaxAgeSeconds) is { } problem)
        {
            return Refuse(problem);
        }

        return new CallbackVerdict
        {
            Accepted = true,
            DeduplicationKey = $"{task.TaskId}:{record.State}",
            ResponseJson = AcknowledgementJson,
        };
    }

    /// <summary><c>Base64(HMAC-SHA256(taskId + "." + timestamp, key))</c>.</summary>
    public static string Sign(string taskId, string timestamp, string key) =>
        Convert.ToBase64String(Mac(taskId, timestamp, key));

    private static string? CheckSignature(ProviderCallback callback, string taskId, string key, int maxAgeSeconds)
    {
        var timestamp = callback.Header(TimestampHeader);
        var signature = callback.Header(SignatureHeader);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return $"the account signs its callbacks, but {TimestampHeader} or {SignatureHeader} is missing";
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return $"{TimestampHeader} '{timestamp}' is not unix seconds";
        }

        // A signature never expires by itself: the timestamp bounds how long a captured callback can be replayed.
        var age = callback.ReceivedAt.ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > maxAgeSeconds)
        {
            return $"{TimestampHeader} is {age} s from the arrival, beyond {maxAgeSeconds} s";
        }

        var presented = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, presented, out var length)
               && CryptographicOperations.FixedTimeEquals(presented.AsSpan(0, length), Mac(taskId, timestamp, key))
            ? null
            : "the signature does not match";
    }

    private static byte[] Mac(string taskId, string timestamp, string key) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes($"{taskId}.{timestamp}"));

    private static ApikleyRecord? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body.Span, ApikleyJsonContext.Default.ApikleyEnvelopeApikleyRecord)?.Data;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static CallbackVerdict Refuse(string reason) => new()
    {
        Accepted = false,
        Reason = reason,
        StatusCode = 401,
        ResponseJson = RefusalJson,
    };
}
