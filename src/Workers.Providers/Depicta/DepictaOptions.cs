using System.ComponentModel.DataAnnotations;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Depicta;

/// <summary>Depicta settings (section <c>Providers:Depicta</c>). The defaults point at the local simulator.</summary>
public sealed class DepictaOptions : IValidatableObject
{
    public const string SectionName = "Providers:Depicta";

    /// <summary>Depicta's API keys start with this (https://depicta.ai/docs/getting-started/api/).</summary>
    public const string KeyPrefix = "dpct_";

    /// <summary>Production: <c>https://api.depicta.ai</c>.</summary>
    [Required]
    [Url]
    public string BaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Account name → API key (<c>dpct_…</c>). Commands choose an account by name.</summary>
    public Dictionary<string, string> Accounts { get; set; } = new(StringComparer.Ordinal) { ["default"] = "dpct_simulator" };

    [Required]
    public string DefaultAccount { get; set; } = "default";

    [Required]
    public SubmitRetryOptions SubmitRetry { get; set; } = new();

    [Required]
    public ProviderHttpOptions Http { get; set; } = new();

    /// <summary>
    /// A story renders a portrait per character, then each scene, at about 10–30 s per image: minutes, not seconds. The
    /// first poll comes early anyway so that <c>scenes_completed</c> is published as it rises; 10 minutes is the deadline.
    /// The fast model is assumed to take about half as long (Depicta publishes no run times).
    /// </summary>
    [Required]
    public PollingOptions Polling { get; set; } = new()
    {
        FirstPollSeconds = 10,
        // Depicta's own CLI polls every 3 s; each new scene is then reported soon after it is made.
        IntervalSeconds = 3,
        BackoffFactor = 1.5,
        MaxIntervalSeconds = 10,
        DefaultTimeoutSeconds = 600,
        Models = new(StringComparer.OrdinalIgnoreCase)
        {
            [DepictaModels.Story1Fast] = new ModelPollingOptions { FirstPollSeconds = 5, MaxIntervalSeconds = 5 },
        },
    };

    /// <summary>
    /// The multi-turn models the fleet sends stories to. Depicta's own <c>422 model_not_capable</c> stays the backstop for a
    /// model listed here that <c>GET /v1/models</c> does not mark <c>supports_multiturn</c>.
    /// </summary>
    public List<string> StoryModels { get; set; } = [DepictaModels.Story1, DepictaModels.Story1Fast];

    /// <summary>Story (overall prompt) and each scene prompt. Depicta states no limit; this one is the fleet's.</summary>
    [Range(1, 1_000_000)]
    public int MaxPromptLength { get; set; } = 4000;

    /// <summary>Each character's and each state's appearance.</summary>
    [Range(1, 1_000_000)]
    public int MaxAppearanceLength { get; set; } = 2000;

    /// <summary>Style, Setting, each location's and each reference image's description.</summary>
    [Range(1, 1_000_000)]
    public int MaxDescriptionLength { get; set; } = 2000;

    /// <summary>Names of characters, states and locations (scenes refer to them by name).</summary>
    [Range(1, 10_000)]
    public int MaxNameLength { get; set; } = 100;

    /// <summary>Every reference URL; signed URLs are long, so the bound is generous.</summary>
    [Range(1, 100_000)]
    public int MaxUrlLength { get; set; } = 4096;

    /// <summary>Locations per story. Depicta states no limit; a story of at most 10 scenes names at most 10.</summary>
    [Range(1, 1000)]
    public int MaxLocations { get; set; } = 10;

    /// <summary>Which of each scene's images to keep: <c>png</c>, <c>jpeg</c> or <c>webp</c> (png when the chosen one is missing).</summary>
    [Required]
    public string ImageFormat { get; set; } = DepictaModels.DefaultImageFormat;

    /// <summary>How many recent jobs <c>GET /v1/jobs</c> is asked for when a submission's outcome is unknown.</summary>
    [Range(1, 100)]
    public int ReconcileLimit { get; set; } = 100;

    /// <summary>
    /// How long after an attempt's start a job it created may show as created: the whole call may take
    /// <see cref="ProviderHttpOptions.TotalTimeoutSeconds"/>, plus a margin for clock skew.
    /// </summary>
    [Range(1, 24 * 3600)]
    public int ReconcileWindowSeconds { get; set; } = 120;

    /// <summary>The API key of <paramref name="account"/>; a task whose account was since removed cannot be asked.</summary>
    public string KeyFor(string account) =>
        Accounts.TryGetValue(account, out var key)
            ? key
            : throw new ProviderCallException(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable,
                $"Account '{account}' is not configured for depicta.");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Accounts.ContainsKey(DefaultAccount))
        {
            yield return new ValidationResult($"DefaultAccount '{DefaultAccount}' is not in Accounts.", [nameof(DefaultAccount)]);
        }

        foreach (var (name, key) in Accounts)
        {
            if (string.IsNullOrWhiteSpace(key) || !key.StartsWith(KeyPrefix, StringComparison.Ordinal))
            {
                yield return new ValidationResult($"Account '{name}' needs a Depicta API key starting with '{KeyPrefix}'.", [nameof(Accounts)]);
            }
        }

        if (StoryModels.Count == 0 || StoryModels.Any(string.IsNullOrWhiteSpace))
        {
            yield return new ValidationResult("StoryModels needs at least one model id, none blank.", [nameof(StoryModels)]);
        }

        if (!DepictaModels.ImageFormats.Contains(ImageFormat))
        {
            yield return new ValidationResult(
                $"ImageFormat '{ImageFormat}' is not one of {string.Join(", ", DepictaModels.ImageFormats)}.", [nameof(ImageFormat)]);
        }

        if (Http is not null && ReconcileWindowSeconds < Http.TotalTimeoutSeconds)
        {
            yield return new ValidationResult(
                $"ReconcileWindowSeconds ({ReconcileWindowSeconds}) is shorter than Http:TotalTimeoutSeconds ({Http.TotalTimeoutSeconds}): "
                + "a job created late in a call would be missed.", [nameof(ReconcileWindowSeconds)]);
        }
    }
}
