using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using Workers.Providers.Http;

namespace Workers.Providers.Abstractions;

/// <summary>
/// Reference images travel as absolute HTTPS URLs to public hosts; plain HTTP, and private addresses, only for hosts
/// listed in <see cref="ReferenceUrlOptions.AllowedHosts"/>. These are the checks that need no DNS; the name's
/// addresses are checked by <see cref="PublicAddressGuard"/> before the paid call, and again at connect time for
/// everything the fleet downloads itself.
/// </summary>
public static class ReferenceUrlRules
{
    // Names that are never delegated on the public internet (RFC 6761, RFC 8375, the clouds' own metadata zones):
    // they resolve, if at all, to something inside the network the fleet runs in.
    private static readonly string[] LocalSuffixes = ["localhost", "local", "internal", "localdomain", "home.arpa", "arpa", "lan", "corp", "svc"];

    private static readonly string[] MetadataNames = ["metadata.google.internal", "metadata.goog", "metadata.azure.internal"];

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

        if (Problem(url, options) is { } why)
        {
            errors.Add($"{field} '{Shorten(url)}' {why}.");
        }
    }

    /// <summary>Whether <paramref name="url"/> passes every check that needs no DNS.</summary>
    public static bool IsAllowed(string url, ReferenceUrlOptions options) => Problem(url, options) is null;

    /// <summary>
    /// Why <paramref name="url"/> is refused (a phrase that follows the URL: "is not an absolute HTTPS URL"), or null.
    /// <paramref name="maxLength"/> defaults to <see cref="ReferenceUrlOptions.MaxUrlLength"/>.
    /// </summary>
    public static string? Problem(string url, ReferenceUrlOptions options, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = maxLength ?? options.MaxUrlLength;
        if (url is not null && url.Length > limit)
        {
            return string.Create(CultureInfo.InvariantCulture, $"is {url.Length} characters long; at most {limit} are accepted");
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Problem(uri, options) : "is not an absolute HTTPS URL";
    }

    /// <summary>The checks of <see cref="Problem(string, ReferenceUrlOptions, int?)"/> but the length, on a parsed URL.</summary>
    public static string? Problem(Uri uri, ReferenceUrlOptions options)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(options);
        if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "is not an absolute HTTPS URL";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            // Credentials in a URL end up in logs and in the provider's hands.
            return "carries user info (credentials), which is not accepted";
        }

        if (options.IsAllowed(uri.IdnHost, uri.Port))
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return "is not an absolute HTTPS URL";
        }

        return uri.HostNameType switch
        {
            UriHostNameType.IPv4 or UriHostNameType.IPv6 => AddressProblem(uri),
            UriHostNameType.Dns => NameProblem(uri.IdnHost),
            _ => "is not an absolute HTTPS URL",
        };
    }

    /// <summary>Why a host name (not an address) is not a public one, or null; its addresses are checked elsewhere.</summary>
    public static string? NameProblem(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var name = host.TrimEnd('.').ToLowerInvariant();
        if (name.Length == 0)
        {
            return "has no host";
        }

        if (MetadataNames.Contains(name, StringComparer.Ordinal))
        {
            return $"names a cloud metadata service ({name})";
        }

        if (LocalSuffixes.Any(s => name == s || name.EndsWith("." + s, StringComparison.Ordinal)))
        {
            return $"names a local host ({name})";
        }

        if (!name.Contains('.', StringComparison.Ordinal))
        {
            // A single label is completed by the resolver's search domains: an internal host.
            return $"names a local host ({name}): a public name has a dot";
        }

        var top = name[(name.LastIndexOf('.') + 1)..];
        if (top.All(char.IsAsciiDigit) || top.StartsWith("0x", StringComparison.Ordinal))
        {
            // No top-level domain is numeric; resolvers read such names as (odd forms of) addresses instead.
            return $"is not a valid host name ({name})";
        }

        return null;
    }

    private static string? AddressProblem(Uri uri)
    {
        var host = uri.IdnHost;
        var zone = host.IndexOf('%', StringComparison.Ordinal);
        if (!IPAddress.TryParse(zone < 0 ? host : host[..zone], out var address))
        {
            return "is not an absolute HTTPS URL";
        }

        var kind = zone >= 0 ? "link-local" : PublicAddresses.NonPublicKind(address);
        return kind is null ? null : Points(kind, address);
    }

    /// <summary>The refusal of a non-public address: "points to a private address (10.0.0.1)".</summary>
    public static string Points(string kind, IPAddress address, string verb = "points to")
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(address);
        return $"{verb} {Article(kind)} {kind} address ({address})";
    }

    private static string Article(string kind) => kind == "unspecified" || "aeio".Contains(kind[0], StringComparison.Ordinal) ? "an" : "a";

    private static string Shorten(string url) => url.Length <= 200 ? url : string.Concat(url.AsSpan(0, 200), "…");
}

/// <summary>Where reference images, and the artifacts the fleet downloads, may come from (section <c>ReferenceUrls</c>).</summary>
public sealed class ReferenceUrlOptions : IValidatableObject
{
    public const string SectionName = "ReferenceUrls";

    /// <summary>
    /// Hosts (<c>host</c> or <c>host:port</c>) exempt from the public-address checks and allowed over plain HTTP, for
    /// references and for artifact downloads alike, e.g. the local simulator's <c>127.0.0.1:5080</c>. Empty in production.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Longest reference URL accepted (signed URLs are long; anything past this is not a link to an image).</summary>
    [Range(256, 65_536)]
    public int MaxUrlLength { get; set; } = 2048;

    /// <summary>Limit of one DNS lookup of a reference's host; past it the request is tried again later.</summary>
    [Range(1, 120)]
    public int ResolveTimeoutSeconds { get; set; } = 10;

    /// <summary>Whether <paramref name="host"/> (a name or an address, brackets optional) at <paramref name="port"/> is allow-listed.</summary>
    public bool IsAllowed(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        var wanted = Normalise(host);
        foreach (var entry in AllowedHosts)
        {
            var (entryHost, entryPort) = Split(entry);
            if ((entryPort is null || entryPort == port) && SameHost(Normalise(entryHost), wanted))
            {
                return true;
            }
        }

        return false;
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var entry in AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(entry) || entry.Contains("://", StringComparison.Ordinal) || entry.Contains('/', StringComparison.Ordinal)
                || entry.Contains('*', StringComparison.Ordinal))
            {
                yield return new ValidationResult($"AllowedHosts entry '{entry}' is not a host or host:port.", [nameof(AllowedHosts)]);
            }
        }
    }

    private static (string Host, int? Port) Split(string entry)
    {
        var text = entry.Trim();
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            return close > 0 && close + 1 < text.Length && text[close + 1] == ':' && int.TryParse(text[(close + 2)..], CultureInfo.InvariantCulture, out var p6)
                ? (text[..(close + 1)], p6)
                : (text, null);
        }

        // One colon is host:port; several are a bare IPv6 address.
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && colon == text.LastIndexOf(':') && int.TryParse(text[(colon + 1)..], CultureInfo.InvariantCulture, out var port)
            ? (text[..colon], port)
            : (text, null);
    }

    private static string Normalise(string host) => host.Trim().TrimStart('[').TrimEnd(']').TrimEnd('.').ToLowerInvariant();

    private static bool SameHost(string a, string b) =>
        IPAddress.TryParse(a, out var x) && IPAddress.TryParse(b, out var y) ? x.Equals(y) : string.Equals(a, b, StringComparison.Ordinal);
}
