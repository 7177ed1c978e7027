namespace Workers.Providers.Apikley;

/// <summary>One Apikley account: its API key and, when the account signs its callbacks, the webhook HMAC key.</summary>
public sealed class ApikleyAccount
{
    public string ApiKey { get; set; } = "";

    /// <summary>
    /// The account's webhook HMAC key (https://docs.kie.ai/common-api/webhook-verification). When set, every callback
    /// must carry a valid <c>X-Webhook-Signature</c>; when null or empty, callbacks are taken unsigned.
    /// </summary>
    public string? WebhookHmacKey { get; set; }
}
