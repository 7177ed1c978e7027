namespace Workers.ProviderSimulator.Video;

/// <summary>
/// How the samples map to colours, stated both in the SPS (VUI) and in the MP4 'colr' box: the frames are converted like
/// JPEG (<see cref="Imaging.YCbCrPlanes"/>: BT.601 matrix, full 0–255 range) from sRGB pixels.
/// </summary>
internal static class VideoColour
{
    /// <summary>colour_primaries: BT.709, which sRGB shares.</summary>
    public const int Primaries = 1;

    /// <summary>transfer_characteristics: IEC 61966-2-1 (sRGB).</summary>
    public const int Transfer = 13;

    /// <summary>matrix_coefficients: SMPTE 170M, the BT.601 matrix that JPEG uses.</summary>
    public const int Matrix = 6;

    public const bool FullRange = true;

    /// <summary>chroma_sample_loc_type: 1, centred between the four luma samples, as 2×2 averaging places it.</summary>
    public const int ChromaLocation = 1;
}
