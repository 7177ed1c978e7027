using Workers.ProviderSimulator.Imaging;

namespace Workers.ProviderSimulator.Video;

/// <summary>
/// Encodes pictures as single-slice NAL units: an IDR picture of intra macroblocks, then P pictures that skip every
/// macroblock that did not change (P_Skip repeats it from the previous picture) and send the changed ones as intra.
/// </summary>
internal sealed class SliceWriter(FrameSize size)
{
    // slice_type 7 and 5: I and P, and every slice of the picture is of that type.
    private const int SliceTypeI = 7;
    private const int SliceTypeP = 5;
    private const int PSliceIntraMbTypeOffset = 5;

    // nal_ref_idc: every picture is a reference, since the next one copies its skipped macroblocks from it.
    private const int IdrReferenceIdc = 3;
    private const int PReferenceIdc = 2;

    // Deblocking would blend samples across macroblock edges; off, the decoded samples are the sent ones.
    private const int DeblockingDisabled = 1;

    // Buffer sizes: an IDR picture's typical bytes per macroblock (a few bits when predicted, 384 and more as I_PCM);
    // a slice header; the most an intra macroblock takes (I_PCM: mb_type, alignment, 384 samples).
    private const int ExpectedBytesPerMacroblock = 16;
    private const int HeaderBytes = 16;
    private const int MaxMacroblockBytes = 384 + 8;

    private readonly MacroblockWriter _macroblocks = new(size);

    public byte[] Idr(YCbCrPlanes picture)
    {
        var rbsp = new RbspWriter(size.MacroblockCount * ExpectedBytesPerMacroblock);
        WriteHeader(rbsp, idr: true, frameIndex: 0);
        _macroblocks.StartPicture();
        for (var address = 0; address < size.MacroblockCount; address++)
        {
            _macroblocks.Write(rbsp, picture, address, mbTypeOffset: 0);
        }

        rbsp.WriteTrailingBits();
        return NalUnit.Pack(IdrReferenceIdc, NalUnit.IdrSlice, rbsp.Bytes);
    }

    /// <summary>A P picture in which only the macroblocks at <paramref name="changed"/> (ascending addresses) are sent.</summary>
    public byte[] Predicted(YCbCrPlanes picture, int frameIndex, IReadOnlyList<int> changed)
    {
        var rbsp = new RbspWriter(HeaderBytes + (changed.Count * MaxMacroblockBytes));
        WriteHeader(rbsp, idr: false, frameIndex);
        _macroblocks.StartPicture();
        var next = 0;
        foreach (var address in changed)
        {
            rbsp.WriteUe(address - next); // mb_skip_run
            _macroblocks.Write(rbsp, picture, address, PSliceIntraMbTypeOffset);
            next = address + 1;
        }

        if (next < size.MacroblockCount)
        {
            rbsp.WriteUe(size.MacroblockCount - next);
        }

        rbsp.WriteTrailingBits();
        return NalUnit.Pack(PReferenceIdc, NalUnit.NonIdrSlice, rbsp.Bytes);
    }

    private static void WriteHeader(RbspWriter rbsp, bool idr, int frameIndex)
    {
        rbsp.WriteUe(0); // first_mb_in_slice
        rbsp.WriteUe(idr ? SliceTypeI : SliceTypeP);
        rbsp.WriteUe(0); // pic_parameter_set_id

        // Every picture is a reference, so frame_num counts pictures, wrapping as the SPS allows.
        rbsp.WriteBits((uint)(frameIndex % (1 << ParameterSets.Log2MaxFrameNum)), ParameterSets.Log2MaxFrameNum);
        if (idr)
        {
            rbsp.WriteUe(0); // idr_pic_id
            rbsp.WriteFlag(false); // no_output_of_prior_pics_flag
            rbsp.WriteFlag(false); // long_term_reference_flag
        }
        else
        {
            rbsp.WriteFlag(false); // num_ref_idx_active_override_flag
            rbsp.WriteFlag(false); // ref_pic_list_modification_flag_l0
            rbsp.WriteFlag(false); // adaptive_ref_pic_marking_mode_flag
        }

        rbsp.WriteSe(0); // slice_qp_delta
        rbsp.WriteUe(DeblockingDisabled);
    }
}
