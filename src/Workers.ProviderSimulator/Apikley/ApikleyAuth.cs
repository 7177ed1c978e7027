using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c> against <see cref="ApikleyOptions.ApiKeys"/>.</summary>
internal static class ApikleyAuth
{
    /// <summary>The caller's API key (its account), or null when the call must get code 401.</summary>
    public static string? Account(HttpRequest request, IOptions<SimulatorOptions> options) =>
        BearerKey.Accepted(request, options.Value.Apikley.ApiKeys, defaultPrefix: "");

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
