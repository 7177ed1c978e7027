using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>Checks <c>Authorization: Bearer dpct_…</c> against <see cref="DepictaOptions.ApiKeys"/>.</summary>
internal static class DepictaAuth
{
    public const string KeyPrefix = "dpct_";
    private const string Scheme = "Bearer ";

    /// <summary>The caller's API key (its account), or null when the request must get a 401.</summary>
    public static string? Account(HttpRequest request, IOptions<SimulatorOptions> options)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[Scheme.Length..].Trim();
        var accepted = options.Value.Depicta.ApiKeys;
        var valid = accepted.Count == 0
            ? key.StartsWith(KeyPrefix, StringComparison.Ordinal) && key.Length > KeyPrefix.Length
            : accepted.Contains(key, StringComparer.Ordinal);
        return valid ? key : null;
    }
}
