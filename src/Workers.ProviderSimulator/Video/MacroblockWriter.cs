using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Video;

/// <summary>
/// Writes intra macroblocks losslessly. One that Intra_16x16 vertical or horizontal prediction reproduces exactly (flat
/// areas, and edges or stripes that run on across a macroblock border) is sent as that prediction with no residual, a
/// few bits; any other as I_PCM, its samples verbatim. No transform is involved, so the decoder outputs the input.
/// </summary>
internal sealed class MacroblockWriter(FrameSize size)
{
    // mb_type in I slices (Table 7-11): 1 + prediction mode is Intra_16x16 with no coded coefficients; 25 is I_PCM.
    // P slices number the same types from 5 up (Table 7-13).
    private const int Intra16x16NoResidual = 1;
    private const int IPcm = 25;

    // Intra16x16PredMode and intra_chroma_pred_mode number the same predictions differently.
    private const int LumaVertical = 0;
    private const int LumaHorizontal = 1;
    private const int ChromaHorizontal = 1;
    private const int ChromaVertical = 2;

    private const int ChromaSize = FrameSize.MacroblockSize / 2;

    // For the nC context of coeff_token (9.2.1) an I_PCM neighbour counts as 16 coefficients, any other as 0 here.
    private const int PcmCoefficientCount = 16;

    private readonly bool[] _isPcm = new bool[size.MacroblockCount];

    /// <summary>Starts a new picture: the coefficient context only looks at macroblocks of the current slice.</summary>
    public void StartPicture() => Array.Clear(_isPcm);

    /// <summary>
    /// Writes macroblock_layer() for the macroblock at <paramref name="address"/>; <paramref name="mbTypeOffset"/> is 0
    /// in I slices and 5 in P slices.
    /// </summary>
    public void Write(RbspWriter rbsp, YCbCrPlanes picture, int address, int mbTypeOffset)
    {
        var (mbX, mbY) = (address % size.MacroblockColumns, address / size.MacroblockColumns);
        if (LumaMode(picture, mbX, mbY) is { } lumaMode && ChromaMode(picture, mbX, mbY) is { } chromaMode)
        {
            rbsp.WriteUe(mbTypeOffset + Intra16x16NoResidual + lumaMode);
            rbsp.WriteUe(chromaMode);
            rbsp.WriteSe(0); // mb_qp_delta

            // Intra_16x16 always codes the block of luma DC coefficients, here as coeff_token for "none".
            WriteNoCoefficientsToken(rbsp, CoefficientContext(address, mbX, mbY));
            _isPcm[address] = false;
            return;
        }

        rbsp.WriteUe(mbTypeOffset + IPcm);
        rbsp.AlignWithZeros();
        WriteSamples(rbsp, picture.Luma, picture.LumaStride, mbX, mbY, FrameSize.MacroblockSize);
        WriteSamples(rbsp, picture.Cb, picture.ChromaStride, mbX, mbY, ChromaSize);
        WriteSamples(rbsp, picture.Cr, picture.ChromaStride, mbX, mbY, ChromaSize);
        _isPcm[address] = true;
    }

    private static int? LumaMode(YCbCrPlanes picture, int mbX, int mbY)
    {
        var (x, y, n) = (mbX * FrameSize.MacroblockSize, mbY * FrameSize.MacroblockSize, FrameSize.MacroblockSize);
        if (mbX > 0 && RepeatsLeft(picture.Luma, picture.LumaStride, x, y, n))
        {
            return LumaHorizontal;
        }

        return mbY > 0 && RepeatsAbove(picture.Luma, picture.LumaStride, x, y, n) ? LumaVertical : null;
    }

    private static int? ChromaMode(YCbCrPlanes picture, int mbX, int mbY)
    {
        var (x, y, n, stride) = (mbX * ChromaSize, mbY * ChromaSize, ChromaSize, picture.ChromaStride);
        if (mbX > 0 && RepeatsLeft(picture.Cb, stride, x, y, n) && RepeatsLeft(picture.Cr, stride, x, y, n))
        {
            return ChromaHorizontal;
        }

        return mbY > 0 && RepeatsAbove(picture.Cb, stride, x, y, n) && RepeatsAbove(picture.Cr, stride, x, y, n)
            ? ChromaVertical
            : null;
    }

    // Horizontal prediction fills each row with the sample just left of the block.
    private static bool RepeatsLeft(byte[] plane, int stride, int x, int y, int n)
    {
        for (var row = y; row < y + n; row++)
        {
            var start = (row * stride) + x;
            if (plane.AsSpan(start, n).ContainsAnyExcept(plane[start - 1]))
            {
                return false;
            }
        }

        return true;
    }

    // Vertical prediction fills each column with the sample just above the block.
    private static bool RepeatsAbove(byte[] plane, int stride, int x, int y, int n)
    {
        var above = plane.AsSpan(((y - 1) * stride) + x, n);
        for (var row = y; row < y + n; row++)
        {
            if (!plane.AsSpan((row * stride) + x, n).SequenceEqual(above))
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteSamples(RbspWriter rbsp, byte[] plane, int stride, int mbX, int mbY, int n)
    {
        for (var row = mbY * n; row < (mbY + 1) * n; row++)
        {
            rbsp.WriteBytes(plane.AsSpan((row * stride) + (mbX * n), n));
        }
    }

    /// <summary>nC (9.2.1) for the luma DC block: from the left and upper macroblocks, whichever exist.</summary>
    private int CoefficientContext(int address, int mbX, int mbY)
    {
        int? left = mbX > 0 ? CoefficientCount(address - 1) : null;
        int? above = mbY > 0 ? CoefficientCount(address - size.MacroblockColumns) : null;
        return (left, above) switch
        {
            ({ } a, { } b) => (a + b + 1) >> 1,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => 0,
        };
    }

    private int CoefficientCount(int address) => _isPcm[address] ? PcmCoefficientCount : 0;

    /// <summary>coeff_token for TotalCoeff 0, TrailingOnes 0: its code depends on the table nC selects (Table 9-5).</summary>
    private static void WriteNoCoefficientsToken(RbspWriter rbsp, int nC)
    {
        var (code, length) = nC switch
        {
            < 2 => (0b1u, 1),
            < 4 => (0b11u, 2),
            < 8 => (0b1111u, 4),
            _ => (0b000011u, 6),
        };
        rbsp.WriteBits(code, length);
    }
}
