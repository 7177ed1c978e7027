namespace Workers.ProviderSimulator.Scripts;

/// <summary>The scripted outcomes waiting for submissions. Thread-safe.</summary>
public sealed class ScriptBook : IResettableState
{
    // Scripts are few and submissions consume them atomically (a count must never be used twice), so a plain lock
    // over a small list is simpler and safe; it is held for a scan of that list only.
    private readonly Lock gate = new();
    private readonly List<Entry> entries = [];
    private long lastId;

    /// <summary>Stores <paramref name="script"/> (already validated) behind the scripts added before it.</summary>
    public ActiveScript Add(OutcomeScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var normalised = script with { Provider = SimulatedProviders.Canonical(script.Provider) ?? script.Provider };
        lock (gate)
        {
            var entry = new Entry($"script_{++lastId}", normalised, script.Count);
            entries.Add(entry);
            return entry.ToActive();
        }
    }

    /// <summary>
    /// The script for one submission, using up one of its count: scripts with a prompt marker come before unmarked
    /// ones, and the oldest comes first within each group. Null when nothing matches.
    /// </summary>
    public OutcomeScript? Take(string provider, string prompt)
    {
        lock (gate)
        {
            var chosen = Find(provider, prompt, marked: true) ?? Find(provider, prompt, marked: false);
            if (chosen is null)
            {
                return null;
            }

            if (chosen.Remaining is not null && --chosen.Remaining == 0)
            {
                entries.Remove(chosen);
            }

            return chosen.Script;
        }
    }

    /// <summary>The scripts still in force, oldest first.</summary>
    public IReadOnlyList<ActiveScript> List()
    {
        lock (gate)
        {
            return entries.Select(entry => entry.ToActive()).ToList();
        }
    }

    public void Reset()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    private Entry? Find(string provider, string prompt, bool marked) =>
        entries.Find(entry =>
            string.Equals(entry.Script.Provider, provider, StringComparison.OrdinalIgnoreCase)
            && (entry.Script.PromptContains is not null) == marked
            && (entry.Script.PromptContains is null || prompt.Contains(entry.Script.PromptContains, StringComparison.Ordinal)));

    private sealed class Entry(string id, OutcomeScript script, int? remaining)
    {
        public string Id { get; } = id;

        public OutcomeScript Script { get; } = script;

        public int? Remaining { get; set; } = remaining;

        public ActiveScript ToActive() => new(Id, Script, Remaining);
    }
}
