using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>A submission that passed validation: what to generate.</summary>
/// <remarks><c>N</c> is what was asked for (the submissions list shows it); <c>ResultCount</c> is what the task returns (NanoBanana: always 1).</remarks>
internal sealed record UniAllOrder(
    UniAllModel Model,
    string Prompt,
    string TaskType,
    int N,
    int ResultCount,
    ImageFormat Format,
    int Width,
    int Height);
