namespace Workers.ProviderSimulator.Video;

/// <summary>Writes the SPS and PPS of a Constrained Baseline stream: CAVLC, one reference frame, no B-frames.</summary>
internal static class ParameterSets
{
    public const int ProfileIdc = 66;

    /// <summary>constraint_set0_flag and constraint_set1_flag: the stream keeps to Baseline and Main, hence Constrained Baseline.</summary>
    public const int ConstraintFlags = 0b1100_0000;

    /// <summary>log2_max_frame_num: frame_num takes this many bits in each slice header and wraps at 2^n.</summary>
    public const int Log2MaxFrameNum = 4;

    // pic_order_cnt_type 2: output order is decoding order, derived from frame_num; no POC fields in slice headers.
    private const int PictureOrderCountType = 2;
    private const int AspectRatioSquare = 1;
    private const int VideoFormatUnspecified = 5;
    private const int MaxMotionVectorLengthLog2 = 16;

    public static byte[] Sequence(FrameSize size, int framesPerSecond)
    {
        var rbsp = new RbspWriter();
        rbsp.WriteBits(ProfileIdc, 8);
        rbsp.WriteBits(ConstraintFlags, 8);
        rbsp.WriteBits((uint)H264Level.For(size, framesPerSecond), 8);
        rbsp.WriteUe(0); // seq_parameter_set_id
        rbsp.WriteUe(Log2MaxFrameNum - 4);
        rbsp.WriteUe(PictureOrderCountType);
        rbsp.WriteUe(1); // max_num_ref_frames
        rbsp.WriteFlag(false); // gaps_in_frame_num_value_allowed_flag
        rbsp.WriteUe(size.MacroblockColumns - 1);
        rbsp.WriteUe(size.MacroblockRows - 1);
        rbsp.WriteFlag(true); // frame_mbs_only_flag
        rbsp.WriteFlag(true); // direct_8x8_inference_flag

        var cropped = size.CropRight > 0 || size.CropBottom > 0;
        rbsp.WriteFlag(cropped);
        if (cropped)
        {
            rbsp.WriteUe(0);
            rbsp.WriteUe(size.CropRight);
            rbsp.WriteUe(0);
            rbsp.WriteUe(size.CropBottom);
        }

        rbsp.WriteFlag(true); // vui_parameters_present_flag
        WriteVui(rbsp, framesPerSecond);
        rbsp.WriteTrailingBits();
        return NalUnit.Pack(3, NalUnit.SequenceParameterSet, rbsp.Bytes);
    }

    public static byte[] Picture()
    {
        var rbsp = new RbspWriter();
        rbsp.WriteUe(0); // pic_parameter_set_id
        rbsp.WriteUe(0); // seq_parameter_set_id
        rbsp.WriteFlag(false); // entropy_coding_mode_flag: CAVLC
        rbsp.WriteFlag(false); // bottom_field_pic_order_in_frame_present_flag
        rbsp.WriteUe(0); // num_slice_groups_minus1
        rbsp.WriteUe(0); // num_ref_idx_l0_default_active_minus1
        rbsp.WriteUe(0); // num_ref_idx_l1_default_active_minus1
        rbsp.WriteFlag(false); // weighted_pred_flag
        rbsp.WriteBits(0, 2); // weighted_bipred_idc
        rbsp.WriteSe(0); // pic_init_qp_minus26
        rbsp.WriteSe(0); // pic_init_qs_minus26
        rbsp.WriteSe(0); // chroma_qp_index_offset

        // Present so that slice headers can switch the deblocking filter off, which keeps the decoded samples
        // exactly the encoded ones.
        rbsp.WriteFlag(true); // deblocking_filter_control_present_flag
        rbsp.WriteFlag(false); // constrained_intra_pred_flag
        rbsp.WriteFlag(false); // redundant_pic_cnt_present_flag
        rbsp.WriteTrailingBits();
        return NalUnit.Pack(3, NalUnit.PictureParameterSet, rbsp.Bytes);
    }

    private static void WriteVui(RbspWriter rbsp, int framesPerSecond)
    {
        rbsp.WriteFlag(true); // aspect_ratio_info_present_flag
        rbsp.WriteBits(AspectRatioSquare, 8);
        rbsp.WriteFlag(false); // overscan_info_present_flag

        rbsp.WriteFlag(true); // video_signal_type_present_flag
        rbsp.WriteBits(VideoFormatUnspecified, 3);
        rbsp.WriteFlag(VideoColour.FullRange);
        rbsp.WriteFlag(true); // colour_description_present_flag
        rbsp.WriteBits(VideoColour.Primaries, 8);
        rbsp.WriteBits(VideoColour.Transfer, 8);
        rbsp.WriteBits(VideoColour.Matrix, 8);

        rbsp.WriteFlag(true); // chroma_loc_info_present_flag
        rbsp.WriteUe(VideoColour.ChromaLocation);
        rbsp.WriteUe(VideoColour.ChromaLocation);

        // A frame lasts two ticks (H.264 counts field periods). Not fixed: the last frame may be cut short.
        rbsp.WriteFlag(true); // timing_info_present_flag
        rbsp.WriteBits(1, 32); // num_units_in_tick
        rbsp.WriteBits((uint)(2 * framesPerSecond), 32); // time_scale
        rbsp.WriteFlag(false); // fixed_frame_rate_flag

        rbsp.WriteFlag(false); // nal_hrd_parameters_present_flag
        rbsp.WriteFlag(false); // vcl_hrd_parameters_present_flag
        rbsp.WriteFlag(false); // pic_struct_present_flag

        // Tells players that no frame waits for a later one, so each can be shown as soon as it is decoded.
        rbsp.WriteFlag(true); // bitstream_restriction_flag
        rbsp.WriteFlag(true); // motion_vectors_over_pic_boundaries_flag
        rbsp.WriteUe(0); // max_bytes_per_pic_denom: no limit
        rbsp.WriteUe(0); // max_bits_per_mb_denom: no limit
        rbsp.WriteUe(MaxMotionVectorLengthLog2);
        rbsp.WriteUe(MaxMotionVectorLengthLog2);
        rbsp.WriteUe(0); // max_num_reorder_frames
        rbsp.WriteUe(1); // max_dec_frame_buffering
    }
}
