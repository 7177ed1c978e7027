using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>Checks <c>Authorization: Bearer sk-…</c> against <see cref="UniAllOptions.ApiKeys"/>.</summary>
internal static class UniAllAuth
{
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
        var accepted = options.Value.UniAll.ApiKeys;
        var valid = accepted.Count == 0
            ? key.StartsWith("sk-", StringComparison.Ordinal) && key.Length > 3
            : accepted.Contains(key, StringComparer.Ordinal);
        return valid ? key : null;
    }
}
