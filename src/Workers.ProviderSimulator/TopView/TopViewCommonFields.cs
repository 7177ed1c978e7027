namespace Workers.ProviderSimulator.TopView;

/// <summary>The submit fields both task kinds share: <c>noticeUrl</c> (docs/PROVIDERS.md §0.3; not <c>callbackUrl</c>) and <c>boardId</c>.</summary>
internal static class TopViewCommonFields
{
    public static (Uri? NoticeUrl, string? BoardId, TopViewError? Error) Read(TopViewJsonBody body)
    {
        var notice = Blank(body.String("noticeUrl"));
        var boardId = Blank(body.String("boardId"));
        if (notice is null)
        {
            return (null, boardId, null);
        }

        return IsHttpUrl(notice, out var url)
            ? (url, boardId, null)
            : (null, null, TopViewError.Invalid("noticeUrl must be an absolute http(s) URL."));
    }

    public static bool IsHttpUrl(string text, out Uri? url) =>
        Uri.TryCreate(text, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    /// <summary>Null for a missing, empty or blank optional string.</summary>
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    /// <summary>Width and height for an <c>"w:h"</c> ratio whose short side is <paramref name="shortSide"/>, rounded to even pixels.</summary>
    public static (int Width, int Height) SizeFor(string aspectRatio, int shortSide)
    {
        var parts = aspectRatio.Split(':');
        var (w, h) = (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        var longSide = Even(shortSide * (double)Math.Max(w, h) / Math.Min(w, h));
        return w >= h ? (longSide, shortSide) : (shortSide, longSide);
    }

    private static int Even(double pixels) => 2 * (int)Math.Round(pixels / 2, MidpointRounding.AwayFromZero);
}
