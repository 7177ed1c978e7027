namespace Workers.ProviderSimulator.TopView;

/// <summary>The two kinds of TopView task this simulator serves.</summary>
internal enum TopViewTaskKind
{
    Storyboard,
    ImageToVideo,
}

/// <summary>A submission that passed validation: what to generate, what it costs, and the fields every kind shares.</summary>
internal abstract record TopViewOrder
{
    public abstract TopViewTaskKind Kind { get; }

    public required string ModelCode { get; init; }

    /// <summary>The text scripts match: the story (storyboard) or the prompt (image-to-video).</summary>
    public required string PromptText { get; init; }

    /// <summary>Results asked for: 1 storyboard image, or generatingCount videos.</summary>
    public required int Count { get; init; }

    /// <summary>Credits the task costs if it succeeds.</summary>
    public required decimal Price { get; init; }

    /// <summary>The uploads it references (reference images, first/end frames).</summary>
    public required IReadOnlyList<string> FileIds { get; init; }

    public Uri? NoticeUrl { get; init; }

    public string? BoardId { get; init; }

    /// <summary>Credits of <paramref name="items"/> of the <see cref="Count"/> results: what a partial failure charges.</summary>
    public abstract decimal PriceOf(int items);
}

/// <summary>A storyboard: one grid image of <c>Columns</c>×<c>Rows</c> cells, <c>Panels</c> of them planned.</summary>
internal sealed record TopViewStoryboardOrder(
    TopViewStoryboardModel Model,
    string Resolution,
    string AspectRatio,
    int Width,
    int Height,
    int Panels,
    int Columns,
    int Rows) : TopViewOrder
{
    public override TopViewTaskKind Kind => TopViewTaskKind.Storyboard;

    /// <summary>One grid image: all or nothing.</summary>
    public override decimal PriceOf(int items) => items >= Count ? Price : 0m;
}

/// <summary>
/// An image-to-video V2 task: <see cref="TopViewOrder.Count"/> MP4 videos of one size and duration;
/// <c>CreditsPerVideo</c> is rate × duration × factors, unrounded.
/// </summary>
internal sealed record TopViewVideoOrder(
    TopViewVideoModel Model,
    int Resolution,
    string AspectRatio,
    int Width,
    int Height,
    int DurationSeconds,
    bool Sound,
    decimal CreditsPerVideo) : TopViewOrder
{
    public override TopViewTaskKind Kind => TopViewTaskKind.ImageToVideo;

    // Rounded from the unrounded rate rather than scaled from the rounded Price, so that two videos cost what a
    // task of generatingCount 2 costs.
    public override decimal PriceOf(int items) => CreditsFor(CreditsPerVideo, items);

    /// <summary>Credits of <paramref name="videos"/> videos at <paramref name="creditsPerVideo"/>, to the cent.</summary>
    public static decimal CreditsFor(decimal creditsPerVideo, int videos) =>
        Math.Round(creditsPerVideo * videos, 2, MidpointRounding.AwayFromZero);
}
