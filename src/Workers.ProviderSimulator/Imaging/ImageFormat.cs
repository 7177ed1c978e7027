namespace Workers.ProviderSimulator.Imaging;

/// <summary>The file formats a placeholder image can be encoded as.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    Webp,
}
