using Microsoft.Extensions.Options;
using Workers.Persistence.Generations;
using Workers.Providers.Abstractions;

namespace Workers.Components.Callbacks;

/// <summary>
/// The callback URL given to a provider with a submission: <c>{PublicBaseUrl}/callbacks/{provider}/{requestId}/{token}</c>,
/// where the token is the request's own random capability, so a caller who knows only the request id cannot forge one.
/// </summary>
public sealed class CallbackUrls(IOptions<CallbackOptions> options, IEnumerable<IProviderCallbackReceiver> receivers)
{
    private readonly HashSet<string> withCallbacks = receivers.Select(r => r.Provider).ToHashSet(StringComparer.Ordinal);

    /// <summary>Null when callbacks are off, the provider has none, or the row carries no token.</summary>
    public Uri? For(string provider, GenerationRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var baseUrl = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) || !withCallbacks.Contains(provider) || row.CallbackToken is null)
        {
            return null;
        }

        return new Uri($"{baseUrl.TrimEnd('/')}/callbacks/{provider}/{Uri.EscapeDataString(row.RequestId)}/{row.CallbackToken}");
    }
}
