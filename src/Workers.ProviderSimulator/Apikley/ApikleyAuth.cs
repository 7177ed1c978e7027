using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c> against <see cref="ApikleyOptions.ApiKeys"/>.</summary>
internal static class ApikleyAuth
{
    private const string Scheme = "Bearer ";

    /// <summary>The caller's API key (its account), or null when the call must get code 401.</summary>
    public static string? Account(HttpRequest request, IOptions<SimulatorOptions> options)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var key = header[Scheme.Length..].Trim();
        var accepted = options.Value.Apikley.ApiKeys;
        var valid = accepted.Count == 0 ? key.Length > 0 : accepted.Contains(key, StringComparer.Ordinal);
        return valid ? key : null;
    }

    /// <summary>The account of a call that may proceed, or the refusal every Apikley API call shares (maintenance, then auth).</summary>
    public static (string? Account, ApikleyError? Error) Admit(HttpRequest request, IOptions<SimulatorOptions> options)
    {
        if (options.Value.Apikley.Maintenance)
        {
            return (null, ApikleyError.Maintenance());
        }

        return Account(request, options) is { } account ? (account, null) : (null, ApikleyError.Unauthorized());
    }
}
