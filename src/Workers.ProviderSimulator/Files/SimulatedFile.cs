namespace Workers.ProviderSimulator.Files;

/// <summary>A downloadable result: its MIME type and how to render its bytes (called once, then cached).</summary>
public sealed record SimulatedFile(string ContentType, Func<byte[]> Render);
