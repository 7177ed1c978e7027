using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Files;

/// <summary>Hands out absolute, expiring, signed links to result files.</summary>
public sealed class FileLinks(FileSigner signer, TimeProvider time, IOptions<SimulatorOptions> options)
{
    /// <summary>
    /// A link valid for <see cref="SimulatorOptions.FileUrlLifetime"/> from now. The host is the configured public
    /// base URL, else the one <paramref name="request"/> came in on, so links work through whatever address the
    /// caller used (loopback port 0, TestServer, a container name).
    /// </summary>
    /// <param name="request">The request being answered; its scheme and host are the default base URL.</param>
    /// <param name="address">The file to link to.</param>
    /// <param name="fileName">A readable last path segment such as <c>task_x-1.png</c>; it is not checked.</param>
    public string Create(HttpRequest request, FileAddress address, string fileName) =>
        Create(BaseUrlOf(request), address, fileName, options.Value.FileUrlLifetime);

    /// <summary>
    /// A link valid for <paramref name="lifetime"/> from now under <paramref name="baseUrl"/> (from
    /// <see cref="BaseUrlOf"/>), for providers whose links live longer than the default, or that are built after
    /// the request has ended (callbacks).
    /// </summary>
    public string Create(string baseUrl, FileAddress address, string fileName, TimeSpan lifetime)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var token = signer.Sign(address, time.GetUtcNow() + lifetime);
        return $"{baseUrl}/files/{token}/{Uri.EscapeDataString(fileName)}";
    }

    /// <summary>The configured public base URL, else the scheme, host and path base of <paramref name="request"/> (no trailing slash).</summary>
    public string BaseUrlOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return options.Value.PublicBaseUrl?.ToString().TrimEnd('/')
            ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
    }
}
