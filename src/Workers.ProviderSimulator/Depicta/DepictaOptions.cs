using System.Globalization;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>What <c>poll_url</c> in a submit answer looks like (docs/PROVIDERS.md §4.3: the two Depicta documents disagree).</summary>
public enum DepictaPollUrlStyle
{
    /// <summary>The API reference: an absolute <c>{base}/v1/jobs/{job_id}</c>.</summary>
    Absolute,

    /// <summary>The Stories guide: a relative <c>/v1/generate/story/{job_id}</c>.</summary>
    Relative,
}

/// <summary>Depicta settings (configuration section <c>Simulator:Depicta</c>).</summary>
public sealed class DepictaOptions
{
    /// <summary>API keys accepted as <c>Authorization: Bearer …</c>; empty means any key that starts with <c>dpct_</c>.</summary>
    public IList<string> ApiKeys { get; set; } = new List<string>();

    /// <summary>Shape of <c>poll_url</c>; both paths are served whatever this says.</summary>
    public DepictaPollUrlStyle PollUrlStyle { get; set; } = DepictaPollUrlStyle.Absolute;

    /// <summary>Requests one key may have in flight at once (docs/PROVIDERS.md §4.5: 10); one more gets 429 <c>rate_limited</c>.</summary>
    public int MaxConcurrentRequests { get; set; } = 10;

    /// <summary>Retry-After of a 429 <c>rate_limited</c> answer. [ASSUMPTION] not documented.</summary>
    public int RateLimitRetryAfterSeconds { get; set; } = 1;

    /// <summary>Share of a job's run time it spends <c>pending</c> before it turns <c>processing</c> (0 to 1).</summary>
    public double PendingFraction { get; set; } = 0.1;

    /// <summary>
    /// What one scene image costs, in EUR (portraits are free). [ASSUMPTION] Story pricing is not published; the
    /// default is the <c>cost_eur</c> of one image on the synchronous endpoint (docs/PROVIDERS.md §4.1).
    /// </summary>
    public decimal PricePerSceneImageEur { get; set; } = 0.045m;

    /// <summary>Starting balance in EUR of every key without an entry in <see cref="BalancesEur"/>.</summary>
    public decimal DefaultBalanceEur { get; set; } = 100m;

    /// <summary>Starting balance in EUR per API key; <c>POST /_control/reset</c> restores them.</summary>
    public IDictionary<string, decimal> BalancesEur { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>
    /// Where a scripted <c>content_policy</c> shows: true rejects the submission with 403 <c>content_rejected</c>,
    /// false accepts it and fails the job with that code.
    /// </summary>
    public bool RejectContentAtSubmit { get; set; } = true;

    /// <summary>
    /// Time per generated image (portraits first, then scenes), seconds at speed factor 1, picked per image from the
    /// range. [ASSUMPTION, docs/PROVIDERS.md §4.4] 10–30 s per image.
    /// </summary>
    public IDictionary<string, DurationRange> SecondsPerImage { get; set; } = new Dictionary<string, DurationRange>(StringComparer.Ordinal)
    {
        [DepictaModels.Story] = new(10, 30),
        [DepictaModels.StoryFast] = new(10, 30),
        [DepictaModels.Image] = new(10, 30),
    };

    internal void CollectErrors(string path, ICollection<string> errors)
    {
        if (!double.IsFinite(PendingFraction) || PendingFraction is < 0 or > 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:PendingFraction must be between 0 and 1 (was {PendingFraction})."));
        }

        if (MaxConcurrentRequests < 1)
        {
            errors.Add($"{path}:MaxConcurrentRequests must be >= 1 (was {MaxConcurrentRequests}).");
        }

        if (RateLimitRetryAfterSeconds < 0)
        {
            errors.Add($"{path}:RateLimitRetryAfterSeconds must be >= 0 (was {RateLimitRetryAfterSeconds}).");
        }

        if (!Enum.IsDefined(PollUrlStyle))
        {
            errors.Add($"{path}:PollUrlStyle must be Absolute or Relative (was {PollUrlStyle}).");
        }

        if (PricePerSceneImageEur < 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:PricePerSceneImageEur must be >= 0 (was {PricePerSceneImageEur})."));
        }

        if (DefaultBalanceEur < 0 || BalancesEur.Values.Any(balance => balance < 0))
        {
            errors.Add($"{path}:DefaultBalanceEur and BalancesEur must not be negative.");
        }

        foreach (var key in ApiKeys.Concat(BalancesEur.Keys).Where(key => string.IsNullOrWhiteSpace(key) || key.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{path}:ApiKeys or BalancesEur has an empty key or one with spaces ('{key}').");
        }

        foreach (var model in DepictaModels.All.Where(model => !SecondsPerImage.ContainsKey(model.Id)))
        {
            errors.Add($"{path}:SecondsPerImage has no entry for model '{model.Id}'.");
        }

        foreach (var (model, range) in SecondsPerImage)
        {
            if (DepictaModels.Find(model) is null)
            {
                errors.Add($"{path}:SecondsPerImage names unknown model '{model}'.");
            }

            range.CollectErrors($"{path}:SecondsPerImage:{model}", errors);
        }
    }
}
