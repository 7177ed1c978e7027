using System.Globalization;

namespace Workers.ProviderSimulator.TopView;

/// <summary>TopView settings (configuration section <c>Simulator:TopView</c>).</summary>
public sealed class TopViewOptions
{
    /// <summary>Accepted accounts, uid → API key; empty means any non-empty uid with any non-empty key.</summary>
    public IDictionary<string, string> Accounts { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>[ASSUMPTION docs/PROVIDERS.md §0.1] Unfinished tasks a uid may have at once; one more is refused with code 4007.</summary>
    public int MaxUnfinishedTasksPerUid { get; set; } = 5;

    /// <summary>Credits every uid starts with (after a reset too).</summary>
    public decimal StartingCredits { get; set; } = 10_000m;

    /// <summary>Starting credits of particular uids, overriding <see cref="StartingCredits"/>.</summary>
    public IDictionary<string, decimal> StartingCreditsByUid { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal);

    /// <summary>Share of a task's run time it spends <c>init</c> before it turns <c>running</c> (0 to 1).</summary>
    public double InitFraction { get; set; } = 0.1;

    /// <summary>[ASSUMPTION docs/PROVIDERS.md §1.5] Storyboard run time per model code (seconds at speed 1): about 30–60 s.</summary>
    public IDictionary<string, DurationRange> StoryboardDurations { get; set; } =
        TopViewStoryboardModels.All.ToDictionary(model => model.Code, _ => new DurationRange(30, 60), StringComparer.OrdinalIgnoreCase);

    /// <summary>[OBSERVED docs/PROVIDERS.md §2.4] Image-to-video run time per model code (seconds at speed 1): typically 1–5 min.</summary>
    public IDictionary<string, DurationRange> VideoDurations { get; set; } =
        TopViewVideoModels.All.ToDictionary(model => model.Code, _ => new DurationRange(60, 300), StringComparer.OrdinalIgnoreCase);

    /// <summary>[ASSUMPTION docs/PROVIDERS.md §1.5] Credits of one storyboard per resolution (0.5–3, scaled by resolution).</summary>
    public IDictionary<string, decimal> StoryboardCredits { get; set; } = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["512p"] = 0.5m,
        ["1K"] = 1m,
        ["2K"] = 2m,
        ["4K"] = 3m,
    };

    /// <summary>
    /// [OBSERVED docs/PROVIDERS.md §2.4] Credits per second of video at 720p with sound off, per model code; a video costs
    /// rate × duration × generatingCount, times the sound and resolution factors below.
    /// </summary>
    public IDictionary<string, decimal> VideoCreditsPerSecond { get; set; } =
        TopViewVideoModels.All.ToDictionary(model => model.Code, model => model.CreditsPerSecond, StringComparer.OrdinalIgnoreCase);

    /// <summary>[ASSUMPTION] Rate factor with <c>sound: on</c> (Seedance 1.5 Pro: 0.25 vs 0.12).</summary>
    public decimal SoundCreditFactor { get; set; } = 2m;

    /// <summary>[ASSUMPTION] Rate factor at resolution 1080 and above (Kling V3: 0.80 vs 0.50; Sora 2 Pro: 2.80 vs 1.68).</summary>
    public decimal HighResolutionCreditFactor { get; set; } = 1.7m;

    /// <summary>[ASSUMPTION docs/PROVIDERS.md §0.2] Largest image upload (png, jpg, jpeg, bmp, webp).</summary>
    public int MaxImageUploadMegabytes { get; set; } = 50;

    /// <summary>[ASSUMPTION docs/PROVIDERS.md §0.2] Largest video upload (mp4, avi, mov).</summary>
    public int MaxVideoUploadMegabytes { get; set; } = 200;

    /// <summary>[ASSUMPTION] Largest audio upload (mp3, wav, m4a).</summary>
    public int MaxAudioUploadMegabytes { get; set; } = 50;

    /// <summary>Bound of the uploaded bytes kept in memory; the oldest bytes are dropped beyond it (their fileIds stay valid).</summary>
    public int UploadMemoryMegabytes { get; set; } = 256;

    /// <summary>How long an <c>uploadUrl</c> from <c>/v1/upload/credential</c> accepts the PUT.</summary>
    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// [ASSUMPTION docs/PROVIDERS.md §0.3] Waits before each retry of an unacknowledged callback, in seconds; null means 1, 2, 4.
    /// </summary>
    public IList<double>? CallbackRetryDelaysSeconds { get; set; }

    internal IReadOnlyList<TimeSpan> CallbackRetryDelays =>
        (CallbackRetryDelaysSeconds ?? [1, 2, 4]).Select(TimeSpan.FromSeconds).ToList();

    internal decimal StartingCreditsOf(string uid) => StartingCreditsByUid.TryGetValue(uid, out var credits) ? credits : StartingCredits;

    internal void CollectErrors(string path, ICollection<string> errors)
    {
        foreach (var (uid, key) in Accounts.Where(pair => string.IsNullOrWhiteSpace(pair.Key) || string.IsNullOrWhiteSpace(pair.Value)))
        {
            errors.Add($"{path}:Accounts has an empty uid or key ('{uid}').");
        }

        if (MaxUnfinishedTasksPerUid < 1)
        {
            errors.Add(Invariant($"{path}:MaxUnfinishedTasksPerUid must be >= 1 (was {MaxUnfinishedTasksPerUid})."));
        }

        if (StartingCredits < 0 || StartingCreditsByUid.Values.Any(credits => credits < 0))
        {
            errors.Add($"{path}:StartingCredits and StartingCreditsByUid must be >= 0.");
        }

        if (!double.IsFinite(InitFraction) || InitFraction is < 0 or > 1)
        {
            errors.Add(Invariant($"{path}:InitFraction must be between 0 and 1 (was {InitFraction})."));
        }

        CollectRangeErrors($"{path}:StoryboardDurations", StoryboardDurations, code => TopViewStoryboardModels.Find(code) is not null, errors);
        CollectRangeErrors($"{path}:VideoDurations", VideoDurations, code => TopViewVideoModels.Find(code) is not null, errors);

        foreach (var resolution in StoryboardCredits.Keys.Where(r => !TopViewStoryboardModels.All.Any(m => m.Resolutions.Contains(r))))
        {
            errors.Add($"{path}:StoryboardCredits names unknown resolution '{resolution}'.");
        }

        foreach (var resolution in TopViewStoryboardModels.All.SelectMany(m => m.Resolutions).Distinct().Where(r => !StoryboardCredits.ContainsKey(r)))
        {
            errors.Add($"{path}:StoryboardCredits has no entry for resolution '{resolution}'.");
        }

        foreach (var code in VideoCreditsPerSecond.Keys.Where(code => TopViewVideoModels.Find(code) is null))
        {
            errors.Add($"{path}:VideoCreditsPerSecond names unknown model '{code}'.");
        }

        if (StoryboardCredits.Values.Concat(VideoCreditsPerSecond.Values).Any(credits => credits < 0)
            || SoundCreditFactor < 0
            || HighResolutionCreditFactor < 0)
        {
            errors.Add($"{path}: credit rates and factors must be >= 0.");
        }

        if (MaxImageUploadMegabytes < 1 || MaxVideoUploadMegabytes < 1 || MaxAudioUploadMegabytes < 1 || UploadMemoryMegabytes < 1)
        {
            errors.Add($"{path}: upload limits (Max*UploadMegabytes, UploadMemoryMegabytes) must be >= 1.");
        }

        if (UploadUrlLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{path}:UploadUrlLifetime must be positive (was {UploadUrlLifetime}).");
        }

        if (CallbackRetryDelaysSeconds?.Any(seconds => !double.IsFinite(seconds) || seconds < 0) == true)
        {
            errors.Add($"{path}:CallbackRetryDelaysSeconds must be finite numbers >= 0.");
        }
    }

    private static void CollectRangeErrors(
        string path,
        IDictionary<string, DurationRange> ranges,
        Func<string, bool> isKnown,
        ICollection<string> errors)
    {
        foreach (var (code, range) in ranges)
        {
            if (!isKnown(code))
            {
                errors.Add($"{path} names unknown model '{code}'.");
            }

            range.CollectErrors($"{path}:{code}", errors);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
