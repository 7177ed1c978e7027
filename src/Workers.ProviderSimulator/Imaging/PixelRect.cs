namespace Workers.ProviderSimulator.Imaging;

/// <summary>An axis-aligned rectangle in pixels; empty when either side is not positive.</summary>
internal readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public int CenterX => X + (Width / 2);

    public int CenterY => Y + (Height / 2);
}
