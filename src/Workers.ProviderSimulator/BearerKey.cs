namespace Workers.ProviderSimulator;

/// <summary>The <c>Authorization: Bearer &lt;key&gt;</c> check the providers share.</summary>
internal static class BearerKey
{
    private const string Scheme = "Bearer ";

    /// <summary>The key the request carries (trimmed), or null when it has no Bearer authorization.</summary>
    public static string? Of(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }

    /// <summary>
    /// The caller's key when it is one of <paramref name="accepted"/>, or, when that list is empty, when it starts with
    /// <paramref name="defaultPrefix"/> and has more after it; otherwise null (the provider answers 401).
    /// </summary>
    public static string? Accepted(HttpRequest request, ICollection<string> accepted, string defaultPrefix)
    {
        var key = Of(request);
        var valid = key is not null && (accepted.Count == 0
            ? key.StartsWith(defaultPrefix, StringComparison.Ordinal) && key.Length > defaultPrefix.Length
            : accepted.Contains(key));
        return valid ? key : null;
    }
}
