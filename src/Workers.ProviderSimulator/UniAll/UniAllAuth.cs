using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>Checks <c>Authorization: Bearer sk-…</c> against <see cref="UniAllOptions.ApiKeys"/>.</summary>
internal static class UniAllAuth
{
    /// <summary>The caller's API key (its account), or null when the request must get a 401.</summary>
    public static string? Account(HttpRequest request, IOptions<SimulatorOptions> options) =>
        BearerKey.Accepted(request, options.Value.UniAll.ApiKeys, defaultPrefix: "sk-");
}
