namespace Workers.ProviderSimulator.Video;

/// <summary>Packs an RBSP into an H.264 NAL unit: the one-byte header, then the payload with emulation prevention.</summary>
internal static class NalUnit
{
    public const int NonIdrSlice = 1;
    public const int IdrSlice = 5;
    public const int SequenceParameterSet = 7;
    public const int PictureParameterSet = 8;

    private const byte EmulationPrevention = 0x03;

    /// <summary>
    /// Builds the NAL unit (without a start code or length prefix). <paramref name="referenceIdc"/> is nal_ref_idc:
    /// 0 for pictures nothing refers to, up to 3.
    /// </summary>
    public static byte[] Pack(int referenceIdc, int type, ReadOnlySpan<byte> rbsp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(referenceIdc);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(referenceIdc, 3);
        var escaped = Escape(rbsp);
        var nal = new byte[1 + escaped.Length];

        // forbidden_zero_bit (0), nal_ref_idc (2 bits), nal_unit_type (5 bits).
        nal[0] = (byte)((referenceIdc << 5) | type);
        escaped.CopyTo(nal, 1);
        return nal;
    }

    /// <summary>
    /// Inserts 0x03 after every two zero bytes that a byte 0x00–0x03 follows, so that the payload never contains a
    /// start code (00 00 01) or anything a decoder would take for one.
    /// </summary>
    public static byte[] Escape(ReadOnlySpan<byte> rbsp)
    {
        // At most one inserted byte per two payload bytes.
        var output = new byte[rbsp.Length + (rbsp.Length / 2)];
        var length = 0;
        var zeros = 0;
        foreach (var b in rbsp)
        {
            if (zeros == 2 && b <= EmulationPrevention)
            {
                output[length++] = EmulationPrevention;
                zeros = 0;
            }

            output[length++] = b;
            zeros = b == 0 ? zeros + 1 : 0;
        }

        return output.AsSpan(0, length).ToArray();
    }
}
