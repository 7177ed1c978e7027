namespace Workers.ProviderSimulator;

/// <summary>Names of the simulated providers, as the control API, counters and file links spell them.</summary>
public static class SimulatedProviders
{
    public const string TopView = "topview";
    public const string Apikley = "apikley";
    public const string Depicta = "depicta";
    public const string UniAll = "uniall";

    /// <summary>Every provider this simulator serves.</summary>
    public static IReadOnlyList<string> All { get; } = [TopView, Apikley, Depicta, UniAll];

    /// <summary>The canonical (lower-case) name of a served provider, or null when it is not one.</summary>
    public static string? Canonical(string? name) =>
        All.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase));
}
