using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>Checks <c>Authorization: Bearer dpct_…</c> against <see cref="DepictaOptions.ApiKeys"/>.</summary>
internal static class DepictaAuth
{
    public const string KeyPrefix = "dpct_";
    /// <summary>The caller's API key (its account), or null when the request must get a 401.</summary>
    public static string? Account(HttpRequest request, IOptions<SimulatorOptions> options) =>
        BearerKey.Accepted(request, options.Value.Depicta.ApiKeys, KeyPrefix);
}
