namespace Workers.ProviderSimulator.Imaging;

/// <summary>
/// A placeholder image: a seed-coloured background with a Columns×Rows grid of numbered panels and an optional short ASCII caption.
/// </summary>
public sealed record ImageSpec(int Width, int Height, ImageFormat Format, int Columns = 1, int Rows = 1, int Seed = 0, string? Caption = null);
