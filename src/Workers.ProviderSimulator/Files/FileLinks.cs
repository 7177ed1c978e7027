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
    public string Create(HttpRequest request, FileAddress address, string fileName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = options.Value;
        var token = signer.Sign(address, time.GetUtcNow() + settings.FileUrlLifetime);
        var baseUrl = settings.PublicBaseUrl?.ToString().TrimEnd('/')
            ?? $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{baseUrl}/files/{token}/{Uri.EscapeDataString(fileName)}";
    }
}
