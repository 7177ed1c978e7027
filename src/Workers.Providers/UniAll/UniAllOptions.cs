using System.ComponentModel.DataAnnotations;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.UniAll;

/// <summary>UniAll settings (section <c>Providers:UniAll</c>). The defaults point at the local simulator.</summary>
public sealed class UniAllOptions : IValidatableObject
{
    public const string SectionName = "Providers:UniAll";

    /// <summary>UniAll publishes no base URL; set the one your contract names.</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Account name → API key (<c>sk-…</c>). Commands choose an account by name.</summary>
    public Dictionary<string, string> Accounts { get; set; } = new(StringComparer.Ordinal) { ["default"] = "sk-simulator" };

    [Required]
    public string DefaultAccount { get; set; } = "default";

    [Required]
    public SubmitRetryOptions SubmitRetry { get; set; } = new();

    [Required]
    public ProviderHttpOptions Http { get; set; } = new();

    /// <summary>docs/PROVIDERS.md §5.3: poll every 2–5 s; UniAll tasks rarely run past 5 minutes.</summary>
    [Required]
    public PollingOptions Polling { get; set; } = new() { FirstPollSeconds = 2, IntervalSeconds = 2, BackoffFactor = 1.5, MaxIntervalSeconds = 5, DefaultTimeoutSeconds = 300 };

    [Required]
    public UniAllPriceTable Prices { get; set; } = new();

    /// <summary>
    /// Longest prompt sent, in characters. UniAll documents no limit, so this is the fleet's: 32,000 is what OpenAI
    /// documents for its gpt-image prompts (assumed to hold for gpt-image-2 behind UniAll), applied to every model so a
    /// runaway prompt is refused here rather than paid for, stored and echoed.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxPromptLength { get; set; } = UniAllImageRules.DefaultMaxPromptLength;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Accounts.ContainsKey(DefaultAccount))
        {
            yield return new ValidationResult($"DefaultAccount '{DefaultAccount}' is not in Accounts.", [nameof(DefaultAccount)]);
        }

        foreach (var (name, key) in Accounts)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                yield return new ValidationResult($"Account '{name}' has no API key.", [nameof(Accounts)]);
            }
        }
    }
}
