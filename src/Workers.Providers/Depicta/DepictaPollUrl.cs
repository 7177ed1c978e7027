namespace Workers.Providers.Depicta;

/// <summary>
/// Which path to poll a job at. The API reference gives an absolute <c>poll_url</c>, the Stories guide a relative one
/// (https://depicta.ai/docs/creating-images/stories/); either is followed, but only on Depicta's own origin: the API key
/// goes with every poll, so a <c>poll_url</c> on another host falls back to <c>GET /v1/jobs/{job_id}</c>.
/// </summary>
public static class DepictaPollUrl
{
    /// <summary>The key of <see cref="Abstractions.ProviderSubmission.Details"/> that keeps the <c>poll_url</c>.</summary>
    public const string DetailKey = "pollUrl";

    /// <summary>
    /// The path of <paramref name="pollUrl"/> relative to <paramref name="baseUrl"/> (no leading slash), or null to poll
    /// <c>/v1/jobs/{job_id}</c> instead: when it is missing, on another scheme, host or port, outside the base path, or
    /// carries a query, a fragment, user info or characters a job path never has.
    /// </summary>
    public static string? RelativePath(string? pollUrl, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (string.IsNullOrWhiteSpace(pollUrl)
            || !Uri.TryCreate(baseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var root)
            || !Uri.TryCreate(root, pollUrl, out var target))
        {
            return null;
        }

        var sameOrigin = string.Equals(target.Scheme, root.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(target.Host, root.Host, StringComparison.OrdinalIgnoreCase)
            && target.Port == root.Port;
        if (!sameOrigin || target.UserInfo.Length > 0 || target.Query.Length > 0 || target.Fragment.Length > 0
            || !target.AbsolutePath.StartsWith(root.AbsolutePath, StringComparison.Ordinal))
        {
            return null;
        }

        var path = target.AbsolutePath[root.AbsolutePath.Length..];
        // The path is handed to a route that escapes each segment again: only plain segments pass unchanged.
        return path.Length > 0 && path.All(IsPlain) && !path.Split('/').Any(s => s is "" or "." or "..") ? path : null;
    }

    /// <summary>The path to poll the job of <paramref name="details"/> at, or null for <c>/v1/jobs/{job_id}</c>.</summary>
    public static string? RelativePath(IReadOnlyDictionary<string, string>? details, string baseUrl) =>
        RelativePath(details?.GetValueOrDefault(DetailKey), baseUrl);

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '/';
}
