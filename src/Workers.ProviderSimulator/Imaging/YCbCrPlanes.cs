namespace Workers.ProviderSimulator.Imaging;

/// <summary>
/// A raster converted to JFIF YCbCr with 4:2:0 chroma, each plane padded to whole 16×16 macroblocks by repeating the
/// last row and column (which keeps the padding from bleeding a false edge into the visible blocks).
/// </summary>
internal sealed class YCbCrPlanes
{
    // BT.601 full-range weights in 16.16 fixed point, as in JFIF and libjpeg.
    private const int YR = 19595, YG = 38470, YB = 7471;
    private const int CbR = -11059, CbG = -21709, CbB = 32768;
    private const int CrR = 32768, CrG = -27439, CrB = -5329;

    public YCbCrPlanes(Raster raster)
    {
        LumaStride = (raster.Width + 15) & ~15;
        LumaRows = (raster.Height + 15) & ~15;
        ChromaStride = LumaStride / 2;
        Luma = new byte[LumaStride * LumaRows];
        Cb = new byte[ChromaStride * (LumaRows / 2)];
        Cr = new byte[ChromaStride * (LumaRows / 2)];
        FillLuma(raster);
        FillChroma(raster);
    }

    public int LumaStride { get; }

    public int LumaRows { get; }

    public int ChromaStride { get; }

    public byte[] Luma { get; }

    public byte[] Cb { get; }

    public byte[] Cr { get; }

    private void FillLuma(Raster raster)
    {
        for (var y = 0; y < LumaRows; y++)
        {
            var source = raster.Row(Math.Min(y, raster.Height - 1));
            var target = Luma.AsSpan(y * LumaStride, LumaStride);
            for (var x = 0; x < LumaStride; x++)
            {
                var argb = source[Math.Min(x, raster.Width - 1)];
                var (r, g, b) = ((int)(argb >> 16) & 0xFF, (int)(argb >> 8) & 0xFF, (int)argb & 0xFF);
                target[x] = (byte)(((YR * r) + (YG * g) + (YB * b) + 32768) >> 16);
            }
        }
    }

    // Each chroma sample converts the average colour of its 2×2 pixels; the transform is linear, so this equals
    // averaging full-resolution chroma, at a quarter of the work.
    private void FillChroma(Raster raster)
    {
        for (var y = 0; y < LumaRows / 2; y++)
        {
            var top = raster.Row(Math.Min(2 * y, raster.Height - 1));
            var bottom = raster.Row(Math.Min((2 * y) + 1, raster.Height - 1));
            for (var x = 0; x < ChromaStride; x++)
            {
                var left = Math.Min(2 * x, raster.Width - 1);
                var right = Math.Min((2 * x) + 1, raster.Width - 1);
                int r = 0, g = 0, b = 0;
                foreach (var argb in (ReadOnlySpan<uint>)[top[left], top[right], bottom[left], bottom[right]])
                {
                    r += (int)(argb >> 16) & 0xFF;
                    g += (int)(argb >> 8) & 0xFF;
                    b += (int)argb & 0xFF;
                }

                // Four summed pixels carry two extra bits, hence the shift by 18 rather than 16.
                Cb[(y * ChromaStride) + x] = ToByte(((CbR * r) + (CbG * g) + (CbB * b) + (128 << 18) + (1 << 17)) >> 18);
                Cr[(y * ChromaStride) + x] = ToByte(((CrR * r) + (CrG * g) + (CrB * b) + (128 << 18) + (1 << 17)) >> 18);
            }
        }
    }

    private static byte ToByte(int value) => (byte)Math.Clamp(value, 0, 255);
}
