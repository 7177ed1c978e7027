using System.Globalization;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>UniAll settings (configuration section <c>Simulator:UniAll</c>).</summary>
public sealed class UniAllOptions
{
    /// <summary>API keys accepted as <c>Authorization: Bearer …</c>; empty means any key that starts with <c>sk-</c>.</summary>
    public IList<string> ApiKeys { get; set; } = new List<string>();

    /// <summary>
    /// Submissions and queries allowed per key per sliding minute, above which UniAll answers 429 with Retry-After;
    /// 0 (the default) means no limit, since UniAll documents none (docs/PROVIDERS.md §5.4 suggests a configurable RPM).
    /// </summary>
    public int RequestsPerMinute { get; set; }

    /// <summary>Share of a task's run time it spends <c>queued</c> before it turns <c>processing</c> (0 to 1).</summary>
    public double QueuedFraction { get; set; } = 0.1;

    /// <summary>
    /// Run time per model (seconds at speed factor 1), picked per task id from the range. Defaults follow README
    /// §5.4: NanoBanana 0.5K–2K about 10–40 s, 4K/8K about 30–90 s, gpt-image-2 about 20 s–2 min; grok-imagine (not in
    /// the README) as NanoBanana 1K–2K.
    /// </summary>
    public IDictionary<string, DurationRange> Durations { get; set; } = new Dictionary<string, DurationRange>(StringComparer.Ordinal)
    {
        ["NanoBanana"] = new(10, 40),
        ["NanoBanana2-0.5K"] = new(10, 40),
        ["NanoBanana2-1K"] = new(10, 40),
        ["NanoBanana2-2K"] = new(10, 40),
        ["NanoBanana2-4K"] = new(30, 90),
        ["NanoBananaPro-1K"] = new(10, 40),
        ["NanoBananaPro-2K"] = new(10, 40),
        ["NanoBananaPro-4K"] = new(30, 90),
        ["NanoBananaPro-8K"] = new(30, 90),
        [UniAllModels.GptImage2] = new(20, 120),
        ["grok-imagine-image"] = new(10, 40),
        ["grok-imagine-image-quality"] = new(10, 40),
    };

    internal void CollectErrors(string path, ICollection<string> errors)
    {
        if (!double.IsFinite(QueuedFraction) || QueuedFraction is < 0 or > 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:QueuedFraction must be between 0 and 1 (was {QueuedFraction})."));
        }

        if (RequestsPerMinute < 0)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:RequestsPerMinute must be >= 0 (was {RequestsPerMinute})."));
        }

        foreach (var key in ApiKeys.Where(key => string.IsNullOrWhiteSpace(key) || key.Any(char.IsWhiteSpace)))
        {
            errors.Add($"{path}:ApiKeys has an empty key or one with spaces ('{key}').");
        }

        foreach (var model in UniAllModels.All.Where(model => !Durations.ContainsKey(model.Id)))
        {
            errors.Add($"{path}:Durations has no entry for model '{model.Id}'.");
        }

        foreach (var (model, range) in Durations)
        {
            if (UniAllModels.Find(model) is null)
            {
                errors.Add($"{path}:Durations names unknown model '{model}'.");
            }

            range.CollectErrors($"{path}:Durations:{model}", errors);
        }
    }
}
