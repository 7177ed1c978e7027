namespace Workers.Providers.Abstractions;

/// <summary>Reference images travel as absolute HTTPS URLs (plain HTTP only where configured, e.g. on loopback tests).</summary>
public static class ReferenceUrlRules
{
    public static void Validate(IReadOnlyList<string>? urls, string field, bool allowHttp, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (urls is null)
        {
            return;
        }

        for (var i = 0; i < urls.Count; i++)
        {
            Validate(urls[i], $"{field}[{i}]", allowHttp, errors);
        }
    }

    public static void Validate(string? url, string field, bool allowHttp, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (url is null)
        {
            return;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (allowHttp && uri.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add($"{field} '{url}' is not an absolute HTTPS URL.");
        }
    }
}
