using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.TopView;

/// <summary>Checks <c>Topview-Uid</c> + <c>Authorization: Bearer &lt;apiKey&gt;</c> against <see cref="TopViewOptions.Accounts"/>.</summary>
internal static class TopViewAuth
{
    public const string UidHeader = "Topview-Uid";
    /// <summary>The caller's uid (its account), or null when the call must get code 401.</summary>
    public static string? Uid(HttpRequest request, IOptions<SimulatorOptions> options)
    {
        var uid = request.Headers[UidHeader].ToString().Trim();
        if (uid.Length == 0 || BearerKey.Of(request) is not { Length: > 0 } key)
        {
            return null;
        }

        var accounts = options.Value.TopView.Accounts;
        return accounts.Count == 0
            || (accounts.TryGetValue(uid, out var expected) && string.Equals(expected, key, StringComparison.Ordinal))
            ? uid
            : null;
    }
}
