namespace Workers.Providers.Abstractions;

/// <summary>Reference images travel as absolute HTTPS URLs; plain HTTP only to hosts listed in <see cref="ReferenceUrlOptions"/>.</summary>
public static class ReferenceUrlRules
{
    public static void Validate(IReadOnlyList<string>? urls, string field, ReferenceUrlOptions options, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (urls is null)
        {
            return;
        }

        for (var i = 0; i < urls.Count; i++)
        {
            Validate(urls[i], $"{field}[{i}]", options, errors);
        }
    }

    public static void Validate(string? url, string field, ReferenceUrlOptions options, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(errors);
        if (url is null)
        {
            return;
        }

        if (!IsAllowed(url, options))
        {
            errors.Add($"{field} '{Shorten(url)}' is not an absolute HTTPS URL.");
        }
    }

    /// <summary>Whether <paramref name="url"/> is absolute HTTPS, or HTTP to an allow-listed host.</summary>
    public static bool IsAllowed(string url, ReferenceUrlOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && options.AllowedHttpHosts.Any(h =>
                string.Equals(h, uri.Authority, StringComparison.OrdinalIgnoreCase) || string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase)));
    }

    private static string Shorten(string url) => url.Length <= 200 ? url : string.Concat(url.AsSpan(0, 200), "…");
}

/// <summary>Where reference images may come from (section <c>ReferenceUrls</c>).</summary>
public sealed class ReferenceUrlOptions
{
    public const string SectionName = "ReferenceUrls";

    /// <summary>
    /// Hosts (<c>host</c> or <c>host:port</c>) whose plain-HTTP URLs are accepted, e.g. the local simulator's
    /// <c>127.0.0.1:5080</c>. Everything else must be HTTPS. Empty in production.
    /// </summary>
    public List<string> AllowedHttpHosts { get; set; } = [];
}
