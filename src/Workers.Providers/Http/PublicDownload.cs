using System.Globalization;
using System.Net;

namespace Workers.Providers.Http;

/// <summary>How much one download may bring, and how long it may go quiet.</summary>
/// <param name="MaxBytes">Refused above this, from <c>Content-Length</c> before reading, or while reading without one.</param>
/// <param name="MaxBytesText">The limit as the messages say it ("50 MB").</param>
/// <param name="ReadIdleTimeout">Refused when no byte arrives for this long.</param>
public sealed record DownloadLimits(long MaxBytes, string MaxBytesText, TimeSpan ReadIdleTimeout);

/// <summary>
/// A GET of a URL the fleet was handed (a reference, a provider's result link), through a client whose primary handler
/// is <see cref="PublicAddressGuard.CreateHandler"/>: redirects are followed here, each hop's scheme and host checked
/// again, and the body is read under <see cref="DownloadLimits"/>. Every refusal is a <see cref="DownloadRefusedException"/>.
/// </summary>
public static class PublicDownload
{
    /// <summary>Redirects followed before the download is refused (browsers allow 20; a file link needs one or two).</summary>
    public const int MaxRedirects = 5;

    /// <summary>
    /// The first answer that is not a redirect; a successful one whose <c>Content-Length</c> is over the limit is
    /// refused before any of its body is read. <paramref name="check"/> says why a hop's URL is refused, or null.
    /// </summary>
    public static async Task<HttpResponseMessage> GetAsync(HttpClient http, Uri url, Func<Uri, string?> check, DownloadLimits limits,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(limits);
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (check(current) is { } why)
            {
                throw new DownloadRefusedException(Via(hop, current, why));
            }

            HttpResponseMessage response;
            try
            {
                response = await http.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex) when (DownloadRefusedException.Find(ex) is { } refused)
            {
                throw new DownloadRefusedException(Via(hop, current, refused.Message), refused.TimedOut, ex);
            }

            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                response.Dispose();
                if (hop == MaxRedirects)
                {
                    throw new DownloadRefusedException(string.Create(CultureInfo.InvariantCulture, $"redirects more than {MaxRedirects} times"));
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            if (response.IsSuccessStatusCode && response.Content.Headers.ContentLength is { } length && length > limits.MaxBytes)
            {
                response.Dispose();
                throw new DownloadRefusedException(Via(hop, current,
                    string.Create(CultureInfo.InvariantCulture, $"is {length} bytes; at most {limits.MaxBytesText} are accepted")));
            }

            return response;
        }
    }

    /// <summary>
    /// <paramref name="body"/> read under <paramref name="limits"/>: refused once it passes the size, or when a read
    /// waits longer than the idle timeout (the refusal then says <see cref="DownloadRefusedException.TimedOut"/>).
    /// </summary>
    public static Stream LimitBody(Stream body, DownloadLimits limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(time);
        return new LimitedReadStream(body, limits, time);
    }

    private static bool IsRedirect(HttpStatusCode status) => status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found
        or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string Via(int hop, Uri url, string why) => hop == 0 ? why : $"was redirected to '{Shorten(url.OriginalString)}', which {why}";

    private static string Shorten(string url) => url.Length <= 200 ? url : string.Concat(url.AsSpan(0, 200), "…");

    private sealed class LimitedReadStream(Stream inner, DownloadLimits limits, TimeProvider time) : Stream
    {
        private long total;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => total;
            set => throw new NotSupportedException();
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            using var idle = new CancellationTokenSource(limits.ReadIdleTimeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
            int read;
            try
            {
                read = await inner.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when ((ex is OperationCanceledException or IOException) && idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new DownloadRefusedException(
                    string.Create(CultureInfo.InvariantCulture, $"sent no data for {limits.ReadIdleTimeout.TotalSeconds:0.#} s"), timedOut: true, ex);
            }

            return Count(read);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync().ConfigureAwait(false);
            await base.DisposeAsync().ConfigureAwait(false);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            total += read;
            return total > limits.MaxBytes
                ? throw new DownloadRefusedException($"is larger than {limits.MaxBytesText}")
                : read;
        }
    }
}
