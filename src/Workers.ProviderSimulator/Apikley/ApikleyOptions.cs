using System.Globalization;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>Apikley settings (configuration section <c>Simulator:Apikley</c>).</summary>
public sealed class ApikleyOptions
{
    /// <summary>API keys accepted as <c>Authorization: Bearer …</c>; empty means any non-blank key.</summary>
    public IList<string> ApiKeys { get; set; } = new List<string>();

    /// <summary>When true every API call answers code 455 (maintenance).</summary>
    public bool Maintenance { get; set; }

    /// <summary>When true <c>createTask</c> answers code 505 (feature disabled).</summary>
    public bool FeatureDisabled { get; set; }

    /// <summary>Share of a task's run time it spends <c>waiting</c> (0 to 1).</summary>
    public double WaitingFraction { get; set; } = 0.05;

    /// <summary>Share of a task's run time it spends <c>queuing</c>, after waiting (0 to 1).</summary>
    public double QueuingFraction { get; set; } = 0.10;

    /// <summary>
    /// Run time per <c>n_frames</c> (seconds at speed factor 1), picked per task id. [ASSUMPTION, docs/PROVIDERS.md §3.6]
    /// "simulate 2–6 min, longer for 25 s".
    /// </summary>
    public IDictionary<string, DurationRange> Durations { get; set; } = new Dictionary<string, DurationRange>(StringComparer.Ordinal)
    {
        ["10"] = new(120, 300),
        ["15"] = new(120, 360),
        ["25"] = new(240, 480),
    };

    /// <summary>Credits one task costs per <c>n_frames</c>. [ASSUMPTION, docs/PROVIDERS.md §3.6] Not published; scales with length.</summary>
    public IDictionary<string, decimal> Prices { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["10"] = 150,
        ["15"] = 225,
        ["25"] = 375,
    };

    /// <summary>Starting credit balance of an account not listed in <see cref="Balances"/>.</summary>
    public decimal DefaultBalance { get; set; } = 10_000_000;

    /// <summary>Starting credit balance per API key; a task the balance cannot pay for is refused with code 402.</summary>
    public IDictionary<string, decimal> Balances { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>[FACT kie] <c>createTask</c> calls allowed per account per <see cref="CreateTaskWindow"/>; 0 turns the limit off.</summary>
    public int CreateTaskLimit { get; set; } = 20;

    /// <summary>The sliding window of <see cref="CreateTaskLimit"/> (real time, not divided by the speed factor).</summary>
    public TimeSpan CreateTaskWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Rate-limited calls answer HTTP 429 when true; HTTP 200 with body code 429 when false (the default: docs/PROVIDERS.md §3.4,
    /// "the code is usually in the body while HTTP is 200").
    /// </summary>
    public bool RateLimitAsHttp429 { get; set; }

    /// <summary>
    /// Tasks one account may have running at once (code 429 beyond it); 0 means no limit. kie says "typically 100+";
    /// the default stays above what the default rate limit allows at realistic run times (20 per 10 s × 8 min = 960).
    /// </summary>
    public int MaxRunningTasks { get; set; } = 1000;

    /// <summary>Validity of result links from the poll (or callback) that handed them out. [FACT kie] "typically 24 hours".</summary>
    public TimeSpan ResultUrlLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Validity of <c>POST /api/v1/common/download-url</c> links. [FACT] 20 minutes.</summary>
    public TimeSpan DownloadUrlLifetime { get; set; } = TimeSpan.FromMinutes(20);

    /// <summary>How long uploaded files live (and their download links stay valid). [FACT] 3 days.</summary>
    public TimeSpan UploadLifetime { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Largest accepted upload (any of the three upload endpoints). [FACT] URL uploads: "recommended ≤ 100 MB".</summary>
    public int MaxUploadMegabytes { get; set; } = 100;

    /// <summary>Bound of all uploaded bytes kept in memory; the oldest uploads are dropped to make room.</summary>
    public int UploadStoreMegabytes { get; set; } = 256;

    /// <summary>How long a URL upload may take to fetch its file. [FACT] 30 s.</summary>
    public TimeSpan UrlUploadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Waits before each retry of an unacknowledged callback. [ASSUMPTION, docs/PROVIDERS.md §3.5] 3 retries with backoff.</summary>
    public IList<TimeSpan> CallbackRetryDelays { get; set; } = new List<TimeSpan>
    {
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2),
    };

    /// <summary>
    /// Signs callbacks with <c>X-Webhook-Timestamp</c> and <c>X-Webhook-Signature</c> (kie's scheme, docs/PROVIDERS.md §3.5).
    /// [ASSUMPTION] Not known whether Apikley signs, so it is off by default.
    /// </summary>
    public bool SignCallbacks { get; set; }

    /// <summary>The webhook HMAC key of an account not listed in <see cref="WebhookHmacKeys"/>.</summary>
    public string DefaultWebhookHmacKey { get; set; } = "apikley-simulator-webhook-key";

    /// <summary>Webhook HMAC key per API key (kie: one per account, set in its settings).</summary>
    public IDictionary<string, string> WebhookHmacKeys { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The webhook HMAC key of <paramref name="account"/>.</summary>
    public string WebhookHmacKeyOf(string account) => WebhookHmacKeys.TryGetValue(account, out var key) ? key : DefaultWebhookHmacKey;

    /// <summary>The starting balance of <paramref name="account"/>.</summary>
    public decimal BalanceOf(string account) => Balances.TryGetValue(account, out var balance) ? balance : DefaultBalance;

    internal void CollectErrors(string path, ICollection<string> errors)
    {
        if (!double.IsFinite(WaitingFraction) || !double.IsFinite(QueuingFraction)
            || WaitingFraction < 0 || QueuingFraction < 0 || WaitingFraction + QueuingFraction > 1)
        {
            errors.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{path}:WaitingFraction and QueuingFraction must be >= 0 and add up to at most 1 (were {WaitingFraction} and {QueuingFraction})."));
        }

        foreach (var key in ApiKeys.Where(key => string.IsNullOrWhiteSpace(key) || key.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{path}:ApiKeys has an empty key or one with spaces ('{key}').");
        }

        foreach (var frames in ApikleyValidator.FrameCounts)
        {
            if (!Durations.ContainsKey(frames))
            {
                errors.Add($"{path}:Durations has no entry for n_frames '{frames}'.");
            }

            if (!Prices.ContainsKey(frames))
            {
                errors.Add($"{path}:Prices has no entry for n_frames '{frames}'.");
            }
        }

        foreach (var (frames, range) in Durations)
        {
            range.CollectErrors($"{path}:Durations:{frames}", errors);
        }

        foreach (var (frames, price) in Prices.Where(entry => entry.Value < 0))
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:Prices:{frames} must be >= 0 (was {price})."));
        }

        if (DefaultBalance < 0 || Balances.Values.Any(balance => balance < 0))
        {
            errors.Add($"{path}:DefaultBalance and Balances must be >= 0.");
        }

        if (CreateTaskLimit < 0 || CreateTaskWindow <= TimeSpan.Zero)
        {
            errors.Add($"{path}:CreateTaskLimit must be >= 0 and CreateTaskWindow positive.");
        }

        if (MaxRunningTasks < 0)
        {
            errors.Add($"{path}:MaxRunningTasks must be >= 0 (was {MaxRunningTasks}).");
        }

        if (ResultUrlLifetime <= TimeSpan.Zero || DownloadUrlLifetime <= TimeSpan.Zero || UploadLifetime <= TimeSpan.Zero || UrlUploadTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{path}:ResultUrlLifetime, DownloadUrlLifetime, UploadLifetime and UrlUploadTimeout must be positive.");
        }

        if (MaxUploadMegabytes < 1 || UploadStoreMegabytes < MaxUploadMegabytes)
        {
            errors.Add($"{path}:MaxUploadMegabytes must be >= 1 and UploadStoreMegabytes >= MaxUploadMegabytes.");
        }

        if (CallbackRetryDelays.Any(delay => delay < TimeSpan.Zero))
        {
            errors.Add($"{path}:CallbackRetryDelays must not be negative.");
        }

        if (string.IsNullOrEmpty(DefaultWebhookHmacKey) || WebhookHmacKeys.Values.Any(string.IsNullOrEmpty))
        {
            errors.Add($"{path}:DefaultWebhookHmacKey and WebhookHmacKeys must not be empty.");
        }
    }
}
