namespace Workers.ProviderSimulator.Apikley;

/// <summary>One shot of a storyboard: its scene text and length in seconds.</summary>
internal sealed record ApikleyShot(string Scene, double Duration);

/// <summary>A <c>createTask</c> request that passed validation: what to generate.</summary>
/// <remarks>
/// <c>NFrames</c> is the seed's string enum ("10", "15", "25": the video length in seconds); <c>Param</c> is the
/// request as compact JSON, which recordInfo echoes as a JSON-encoded string.
/// </remarks>
internal sealed record ApikleyOrder(
    IReadOnlyList<ApikleyShot> Shots,
    string NFrames,
    string AspectRatio,
    string? ImageUrl,
    Uri? CallBackUrl,
    string Param)
{
    /// <summary>What scripts match: the scene texts joined with newlines.</summary>
    public string Prompt => string.Join('\n', Shots.Select(shot => shot.Scene));

    public int Seconds => int.Parse(NFrames, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>[ASSUMPTION] Sora 2 Pro's 720p sizes; the real output size is not documented.</summary>
    public (int Width, int Height) Size => AspectRatio == ApikleyValidator.Portrait ? (720, 1280) : (1280, 720);
}
