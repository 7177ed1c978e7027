using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Video;

/// <summary>Copies one macroblock's samples (16×16 luma, 8×8 of each chroma plane) between pictures.</summary>
internal static class MacroblockCopy
{
    /// <summary>Copies the macroblock and says whether any sample differed.</summary>
    public static bool CopyIfDifferent(YCbCrPlanes from, int fromColumn, int fromRow, YCbCrPlanes to, int toColumn, int toRow)
    {
        const int luma = FrameSize.MacroblockSize;
        const int chroma = luma / 2;
        var changed = CopyBlock(from.Luma, from.LumaStride, fromColumn, fromRow, to.Luma, to.LumaStride, toColumn, toRow, luma);
        changed |= CopyBlock(from.Cb, from.ChromaStride, fromColumn, fromRow, to.Cb, to.ChromaStride, toColumn, toRow, chroma);
        changed |= CopyBlock(from.Cr, from.ChromaStride, fromColumn, fromRow, to.Cr, to.ChromaStride, toColumn, toRow, chroma);
        return changed;
    }

    private static bool CopyBlock(byte[] from, int fromStride, int fromColumn, int fromRow, byte[] to, int toStride, int toColumn, int toRow, int n)
    {
        var changed = false;
        for (var y = 0; y < n; y++)
        {
            var source = from.AsSpan((((fromRow * n) + y) * fromStride) + (fromColumn * n), n);
            var target = to.AsSpan((((toRow * n) + y) * toStride) + (toColumn * n), n);
            if (!source.SequenceEqual(target))
            {
                source.CopyTo(target);
                changed = true;
            }
        }

        return changed;
    }
}
