using System.ComponentModel.DataAnnotations;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.TopView;

/// <summary>TopView settings (section <c>Providers:TopView</c>). The defaults point at the local simulator.</summary>
public sealed class TopViewOptions : IValidatableObject
{
    public const string SectionName = "Providers:TopView";

    /// <summary>The real API is <c>https://api.topview.ai</c>.</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Account name → TopView uid and API key (web app → API Settings). Commands choose an account by name.</summary>
    public Dictionary<string, TopViewAccount> Accounts { get; set; } = new(StringComparer.Ordinal)
    {
        ["default"] = new TopViewAccount { Uid = "simulator-uid", ApiKey = "simulator-key" },
    };

    [Required]
    public string DefaultAccount { get; set; } = "default";

    [Required]
    public SubmitRetryOptions SubmitRetry { get; set; } = new();

    [Required]
    public ProviderHttpOptions Http { get; set; } = new();

    /// <summary>
    /// Storyboards: run time undocumented (one image-model call plus planning, assumed 20 s – 3 min); the official
    /// skill gives up after 600 s.
    /// </summary>
    [Required]
    public PollingOptions StoryboardPolling { get; set; } = new()
    {
        FirstPollSeconds = 30, IntervalSeconds = 5, BackoffFactor = 1.5, MaxIntervalSeconds = 15, DefaultTimeoutSeconds = 600,
    };

    /// <summary>
    /// Image-to-video: "typically 1–5 minutes", clients wait 10–25 min. The Seedance-2.0 class (Standard, Fast)
    /// took about 4.5 min for a 5 s clip, so its first poll waits longer.
    /// </summary>
    [Required]
    public PollingOptions VideoPolling { get; set; } = new()
    {
        FirstPollSeconds = 60, IntervalSeconds = 10, BackoffFactor = 1.5, MaxIntervalSeconds = 15, DefaultTimeoutSeconds = 1500,
        Models = new(StringComparer.OrdinalIgnoreCase)
        {
            ["standard"] = new ModelPollingOptions { FirstPollSeconds = 180 },
            ["fast"] = new ModelPollingOptions { FirstPollSeconds = 120 },
        },
    };

    /// <summary>TopView documents no prompt limit; a public client cuts video prompts at 3000 characters.</summary>
    [Range(1, 100_000)]
    public int MaxPromptLength { get; set; } = 3000;

    /// <summary>Board ids are TopView's ids; anything longer than this is not one.</summary>
    [Range(1, 10_000)]
    public int MaxBoardIdLength { get; set; } = 128;

    /// <summary>Reference images larger than this are refused (TopView documents no upload limit; 50 MB assumed).</summary>
    [Range(1, 1024)]
    public int MaxReferenceImageMegabytes { get; set; } = 50;

    /// <summary>Limit of downloading one reference image.</summary>
    [Range(1, 600)]
    public int ReferenceDownloadTimeoutSeconds { get; set; } = 60;

    /// <summary>A reference download that sends no byte for this long is abandoned (and tried again later).</summary>
    [Range(1, 600)]
    public int ReferenceReadIdleSeconds { get; set; } = 20;

    /// <summary>Limit of the PUT of one reference image to TopView's presigned URL.</summary>
    [Range(1, 1800)]
    public int UploadTimeoutSeconds { get; set; } = 120;

    /// <summary>How often <c>/v1/upload/check</c> is asked before the upload counts as failed for now (clients do 10 × 1 s).</summary>
    [Range(1, 100)]
    public int UploadCheckAttempts { get; set; } = 10;

    [Range(0, 60_000)]
    public int UploadCheckDelayMilliseconds { get; set; } = 1000;

    /// <summary>Ask for CDN (CloudFront) result links instead of S3 ones.</summary>
    public bool NeedCloudFrontUrl { get; set; }

    /// <summary>The account named <paramref name="name"/>; throws when it is not configured (validation checks that first).</summary>
    public TopViewAccount Account(string name) =>
        Accounts.TryGetValue(name, out var account)
            ? account
            : throw new InvalidOperationException($"Account '{name}' is not configured for topview.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Accounts.ContainsKey(DefaultAccount))
        {
            yield return new ValidationResult($"DefaultAccount '{DefaultAccount}' is not in Accounts.", [nameof(DefaultAccount)]);
        }

        foreach (var (name, account) in Accounts)
        {
            if (string.IsNullOrWhiteSpace(account?.Uid) || string.IsNullOrWhiteSpace(account.ApiKey))
            {
                yield return new ValidationResult($"Account '{name}' needs both Uid and ApiKey.", [nameof(Accounts)]);
            }
        }

        // DataAnnotations stop at the first level; the nested settings have ranges of their own.
        foreach (var (name, nested) in new (string, object?)[]
                 {
                     (nameof(SubmitRetry), SubmitRetry), (nameof(Http), Http),
                     (nameof(StoryboardPolling), StoryboardPolling), (nameof(VideoPolling), VideoPolling),
                 })
        {
            if (nested is null)
            {
                continue;
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(nested, new ValidationContext(nested), results, validateAllProperties: true);
            foreach (var result in results)
            {
                yield return new ValidationResult($"{name}: {result.ErrorMessage}", [name]);
            }
        }

        foreach (var (name, polling) in new[] { (nameof(StoryboardPolling), StoryboardPolling), (nameof(VideoPolling), VideoPolling) })
        {
            foreach (var (model, own) in polling?.Models ?? [])
            {
                var results = new List<ValidationResult>();
                Validator.TryValidateObject(own, new ValidationContext(own), results, validateAllProperties: true);
                foreach (var result in results)
                {
                    yield return new ValidationResult($"{name}:Models:{model}: {result.ErrorMessage}", [name]);
                }
            }
        }
    }
}

/// <summary>One TopView account: the uid and API key of the web app's API Settings page.</summary>
public sealed class TopViewAccount
{
    public string Uid { get; set; } = "";

    public string ApiKey { get; set; } = "";
}
