using System.ComponentModel.DataAnnotations;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Apikley;

/// <summary>Apikley settings (section <c>Providers:Apikley</c>). The defaults point at the local simulator.</summary>
public sealed class ApikleyOptions : IValidatableObject
{
    public const string SectionName = "Providers:Apikley";

    /// <summary>The real API is <c>https://api.apikley.ru</c>; uploads live under the same host.</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Account name → key set. Commands choose an account by name.</summary>
    public Dictionary<string, ApikleyAccount> Accounts { get; set; } = new(StringComparer.Ordinal)
    {
        ["default"] = new ApikleyAccount { ApiKey = "simulator-key" },
    };

    [Required]
    public string DefaultAccount { get; set; } = "default";

    [Required]
    public SubmitRetryOptions SubmitRetry { get; set; } = new();

    [Required]
    public ProviderHttpOptions Http { get; set; } = new();

    /// <summary>
    /// Runs take minutes (about 2–5, 2–6 and 4–8 min for 10, 15 and 25 s videos): first poll after a minute, then every
    /// 30 s at most, until 15 min. The schedule cannot see the video's length, so one schedule covers all three. A task
    /// Apikley does not list yet answers "recordInfo is null", so the not-found grace reaches past the first poll.
    /// </summary>
    [Required]
    public PollingOptions Polling { get; set; } = new()
    {
        FirstPollSeconds = 60,
        IntervalSeconds = 10,
        BackoffFactor = 1.5,
        MaxIntervalSeconds = 30,
        DefaultTimeoutSeconds = 900,
        NotFoundGraceSeconds = 120,
    };

    /// <summary>Apikley documents no limit on a shot's <c>Scene</c>; this one keeps runaway prompts from being paid for.</summary>
    [Range(1, 100_000)]
    public int MaxSceneLength { get; set; } = 5000;

    /// <summary>
    /// Copy <c>FirstFrameUrl</c> to Apikley's file store (<c>/file-upload/api/file-url-upload</c>) before submitting, for
    /// images on hosts Apikley cannot reach or that expire; off passes the URL as it is.
    /// </summary>
    public bool UploadReferences { get; set; }

    /// <summary>A signed callback whose <c>X-Webhook-Timestamp</c> is further than this from its arrival is refused (replays).</summary>
    [Range(1, 86_400)]
    public int CallbackMaxAgeSeconds { get; set; } = 300;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Accounts.ContainsKey(DefaultAccount))
        {
            yield return new ValidationResult($"DefaultAccount '{DefaultAccount}' is not in Accounts.", [nameof(DefaultAccount)]);
        }

        foreach (var (name, account) in Accounts)
        {
            if (string.IsNullOrWhiteSpace(account?.ApiKey))
            {
                yield return new ValidationResult($"Account '{name}' has no ApiKey.", [nameof(Accounts)]);
            }
            else if (account.WebhookHmacKey is { Length: > 0 } key && string.IsNullOrWhiteSpace(key))
            {
                yield return new ValidationResult($"Account '{name}' has a blank WebhookHmacKey; leave it empty or set the key.", [nameof(Accounts)]);
            }
        }
    }
}
