namespace Workers.ProviderSimulator.UniAll;

/// <summary>A submission as read from JSON or a multipart form, before validation. Blank optional fields are null.</summary>
internal sealed record UniAllSubmitRequest
{
    public string? Model { get; init; }

    public string? Prompt { get; init; }

    public string? TaskType { get; init; }

    public string? Size { get; init; }

    public string? AspectRatio { get; init; }

    public string? Quality { get; init; }

    public int? N { get; init; }

    public string? OutputFormat { get; init; }

    public string? ResponseFormat { get; init; }

    /// <summary>Reference image URLs from <c>image</c> and <c>images</c>.</summary>
    public IReadOnlyList<string> ImageUrls { get; init; } = [];

    /// <summary>Reference image files uploaded as multipart parts.</summary>
    public int ImageFiles { get; init; }

    public bool HasImageInput => ImageUrls.Count > 0 || ImageFiles > 0;
}
