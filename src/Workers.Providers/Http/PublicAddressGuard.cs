using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Http;

/// <summary>
/// Keeps the fleet, and the providers it pays, away from private networks: a caller's URL may only lead to public
/// addresses, unless its host is in <see cref="ReferenceUrlOptions.AllowedHosts"/>. Used twice: before the paid call
/// for the references a provider fetches itself (<see cref="CheckReferenceAsync"/>), and at connect time for everything
/// the fleet downloads (<see cref="CreateHandler"/>), where the checked address is the one connected to, so a name
/// that changes its answer between the check and the download (DNS rebinding) gains nothing.
/// </summary>
public sealed class PublicAddressGuard(IHostResolver resolver, IOptionsMonitor<ReferenceUrlOptions> options, TimeProvider time)
{
    /// <summary>The checks of <see cref="ReferenceUrlRules"/> that need no DNS, on one URL (each redirect hop, for instance).</summary>
    public string? Problem(Uri uri) => ReferenceUrlRules.Problem(uri, options.CurrentValue);

    /// <summary>
    /// Refuses a reference URL that is not public (<see cref="ProviderFailureKind.Rejected"/>, validation): every check
    /// of <see cref="ReferenceUrlRules"/>, then every address its name resolves to. A name that does not resolve is
    /// refused too; a resolver that cannot answer now makes it <see cref="ProviderFailureKind.Transient"/>.
    /// </summary>
    public async Task CheckReferenceAsync(string field, string url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = options.CurrentValue;
        // The length is each provider's rule (Depicta accepts longer URLs); everything else is checked again here, since
        // this check is what stands between a URL and the provider, whatever validated it.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw Refused(field, url, "is not an absolute HTTPS URL");
        }

        if (ReferenceUrlRules.Problem(uri, settings) is { } why)
        {
            throw Refused(field, url, why);
        }

        if (uri.HostNameType != UriHostNameType.Dns || settings.IsAllowed(uri.IdnHost, uri.Port))
        {
            return;
        }

        try
        {
            await ResolvePublicAsync(uri.IdnHost, uri.Port, cancellationToken).ConfigureAwait(false);
        }
        catch (DownloadRefusedException ex)
        {
            throw Refused(field, url, ex.Message);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData)
        {
            throw Refused(field, url, "does not resolve");
        }
        catch (SocketException ex)
        {
            throw Later(field, url, $"could not be resolved now ({ex.SocketErrorCode})", ex);
        }
        catch (TimeoutException ex)
        {
            throw Later(field, url, string.Create(CultureInfo.InvariantCulture, $"could not be resolved within {settings.ResolveTimeoutSeconds} s"), ex);
        }
    }

    /// <summary>
    /// The addresses a connection to <paramref name="host"/> may use: all of them, each public unless the host is
    /// allow-listed. Throws <see cref="DownloadRefusedException"/> for a non-public one, <see cref="SocketException"/>
    /// when the name does not resolve, <see cref="TimeoutException"/> when the resolver does not answer in time.
    /// </summary>
    public async Task<IPAddress[]> ResolvePublicAsync(string host, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var settings = options.CurrentValue;
        var allowed = settings.IsAllowed(host, port);
        var bare = host.TrimStart('[').TrimEnd(']');
        var zone = bare.IndexOf('%', StringComparison.Ordinal);
        if (IPAddress.TryParse(zone < 0 ? bare : bare[..zone], out var literal))
        {
            if (!allowed && (zone >= 0 ? "link-local" : PublicAddresses.NonPublicKind(literal)) is { } literalKind)
            {
                throw new DownloadRefusedException(ReferenceUrlRules.Points(literalKind, literal));
            }

            return [literal];
        }

        if (!allowed && ReferenceUrlRules.NameProblem(host) is { } why)
        {
            throw new DownloadRefusedException(why);
        }

        var addresses = await resolver.ResolveAsync(host, cancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(settings.ResolveTimeoutSeconds), time, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (!allowed)
        {
            foreach (var address in addresses)
            {
                if (PublicAddresses.NonPublicKind(address) is { } kind)
                {
                    // One private answer is enough: which one a connection would use is the resolver's choice.
                    throw new DownloadRefusedException(ReferenceUrlRules.Points(kind, address, "resolves to"));
                }
            }
        }

        return addresses;
    }

    /// <summary>
    /// <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves, checks every address, and connects to a checked one.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endPoint = context.DnsEndPoint;
        var addresses = await ResolvePublicAsync(endPoint.Host, endPoint.Port, cancellationToken).ConfigureAwait(false);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>
    /// The primary handler of every client that downloads from a caller's or a provider's URL. Redirects are not
    /// followed here: <see cref="PublicDownload"/> follows them itself, checking each hop. No proxy: through one, the
    /// connect-time check would judge the proxy's address instead of the destination's.
    /// </summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        ConnectCallback = ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    private static ProviderCallException Refused(string field, string url, string why) =>
        new(ProviderFailureKind.Rejected, GenerationErrorCodes.Validation, $"{field} '{Shorten(url)}' {why}.");

    private static ProviderCallException Later(string field, string url, string why, Exception inner) =>
        new(ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable, $"{field} '{Shorten(url)}' {why}.", innerException: inner);

    private static string Shorten(string url) => url.Length <= 200 ? url : string.Concat(url.AsSpan(0, 200), "…");
}

/// <summary>Looks host names up; the seam that keeps tests off the machine's resolver.</summary>
public interface IHostResolver
{
    /// <summary>Every address of <paramref name="host"/>; throws <see cref="SocketException"/> as <see cref="Dns"/> does.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}

/// <summary>The operating system's resolver.</summary>
public sealed class SystemHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}

/// <summary>A download refused for where it leads or what it sends (a private address, a scheme, its size, a stall).</summary>
public sealed class DownloadRefusedException : Exception
{
    /// <param name="reason">A phrase that follows the URL: "points to a private address (10.0.0.1)".</param>
    /// <param name="timedOut">Refused for being too slow rather than for what it is: worth another try where nothing is lost.</param>
    /// <param name="innerException">What stopped it, if anything.</param>
    public DownloadRefusedException(string reason, bool timedOut = false, Exception? innerException = null)
        : base(reason, innerException)
    {
        TimedOut = timedOut;
    }

    public bool TimedOut { get; }

    /// <summary>The refusal inside <paramref name="exception"/> (a connect callback's is wrapped by the handler), or null.</summary>
    public static DownloadRefusedException? Find(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DownloadRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}

public static class PublicAddressGuardServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PublicAddressGuard"/> once, with <see cref="ReferenceUrlOptions"/> bound to
    /// <c>ReferenceUrls</c> and the system resolver (a test may register its own <see cref="IHostResolver"/> first).
    /// </summary>
    public static IServiceCollection AddPublicAddressGuard(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(d => d.ServiceType == typeof(PublicAddressGuard)))
        {
            return services;
        }

        var section = configuration.GetSection(ReferenceUrlOptions.SectionName);
        services.AddOptions<ReferenceUrlOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IHostResolver, SystemHostResolver>();
        services.AddSingleton<PublicAddressGuard>();
        return services;
    }
}
