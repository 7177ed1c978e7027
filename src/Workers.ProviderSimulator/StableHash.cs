namespace Workers.ProviderSimulator;

/// <summary>
/// A hash that is the same in every process (string.GetHashCode is randomised per process), so that a task's
/// duration and image seed follow from its id alone.
/// </summary>
internal static class StableHash
{
    /// <summary>64-bit FNV-1a over the UTF-16 code units of <paramref name="text"/>.</summary>
    public static ulong Of(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        // FNV mixes the low bits poorly for short inputs; one avalanche round (splitmix64 finaliser) fixes that.
        hash = (hash ^ (hash >> 30)) * 0xBF58476D1CE4E5B9UL;
        hash = (hash ^ (hash >> 27)) * 0x94D049BB133111EBUL;
        return hash ^ (hash >> 31);
    }

    /// <summary>A number in [0, 1) derived from <paramref name="text"/>.</summary>
    public static double Unit(string text) => (Of(text) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A non-negative 31-bit integer derived from <paramref name="text"/>.</summary>
    public static int NonNegativeInt32(string text) => (int)(Of(text) >> 33);
}
