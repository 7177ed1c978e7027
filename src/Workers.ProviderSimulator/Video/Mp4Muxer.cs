namespace Workers.ProviderSimulator.Video;

/// <summary>
/// Writes an MP4 (ISO BMFF) file with one H.264 track: ftyp, then moov ahead of mdat ("fast start", so players can
/// begin before the whole file has arrived), then the frames in one chunk. Creation times are zero, for repeatable bytes.
/// </summary>
internal static class Mp4Muxer
{
    private const int NalLengthSize = 4;
    private const int BoxHeaderSize = 8;
    private const uint FixedOne = 0x0001_0000; // 1.0 in 16.16 fixed point
    private const uint MatrixW = 0x4000_0000; // 1.0 in 2.30 fixed point
    private const int Dpi72 = 0x0048_0000;
    private const int LanguageUndetermined = 0x55C4; // "und", packed as three 5-bit letters
    private const int TrackId = 1;

    public static byte[] Write(Mp4VideoTrack track)
    {
        var ftyp = FileType();

        // moov holds the offset of the frame data that follows it; the offset's value does not change moov's size.
        var moovSize = Movie(track, chunkOffset: 0).Length;
        var moov = Movie(track, ftyp.Length + moovSize + BoxHeaderSize);

        var mdatSize = BoxHeaderSize + track.Frames.Sum(frame => (long)NalLengthSize + frame.Length);
        var file = new Mp4BoxWriter(checked((int)(ftyp.Length + moov.Length + mdatSize)));
        file.Bytes(ftyp);
        file.Bytes(moov);
        file.UInt32(mdatSize);
        file.FourCc("mdat");
        foreach (var frame in track.Frames)
        {
            file.UInt32(frame.Length);
            file.Bytes(frame);
        }

        return file.ToArray();
    }

    private static byte[] FileType()
    {
        var w = new Mp4BoxWriter();
        using (w.Box("ftyp"))
        {
            w.FourCc("isom");
            w.UInt32(0x200); // minor_version
            foreach (var brand in (string[])["isom", "iso2", "avc1", "mp41"])
            {
                w.FourCc(brand);
            }
        }

        return w.ToArray();
    }

    private static byte[] Movie(Mp4VideoTrack track, long chunkOffset)
    {
        var (timescale, duration) = (track.Timing.Timescale, track.Timing.TotalTicks);
        var w = new Mp4BoxWriter();
        using (w.Box("moov"))
        {
            using (w.FullBox("mvhd"))
            {
                w.UInt32(0); // creation_time
                w.UInt32(0); // modification_time
                w.UInt32(timescale);
                w.UInt32(duration);
                w.UInt32(FixedOne); // rate
                w.UInt16(0x0100); // volume 1.0
                w.Zeros(2 + 8);
                Matrix(w);
                w.Zeros(6 * 4); // pre_defined
                w.UInt32(TrackId + 1); // next_track_ID
            }

            using (w.Box("trak"))
            {
                TrackHeader(w, track.Size, duration);
                using (w.Box("mdia"))
                {
                    MediaHeader(w, timescale, duration);
                    using (w.Box("minf"))
                    {
                        MediaInformationHeaders(w);
                        SampleTable(w, track, chunkOffset);
                    }
                }
            }
        }

        return w.ToArray();
    }

    private static void TrackHeader(Mp4BoxWriter w, FrameSize size, long duration)
    {
        using (w.FullBox("tkhd", flags: 0x3)) // enabled, in movie
        {
            w.UInt32(0); // creation_time
            w.UInt32(0); // modification_time
            w.UInt32(TrackId);
            w.Zeros(4);
            w.UInt32(duration);
            w.Zeros(8);
            w.UInt16(0); // layer
            w.UInt16(0); // alternate_group
            w.UInt16(0); // volume: none for video
            w.Zeros(2);
            Matrix(w);
            w.UInt32((long)size.Width << 16); // 16.16 fixed point
            w.UInt32((long)size.Height << 16);
        }
    }

    private static void MediaHeader(Mp4BoxWriter w, int timescale, long duration)
    {
        using (w.FullBox("mdhd"))
        {
            w.UInt32(0); // creation_time
            w.UInt32(0); // modification_time
            w.UInt32(timescale);
            w.UInt32(duration);
            w.UInt16(LanguageUndetermined);
            w.UInt16(0); // pre_defined
        }

        using (w.FullBox("hdlr"))
        {
            w.UInt32(0); // pre_defined
            w.FourCc("vide");
            w.Zeros(3 * 4);
            w.Bytes("VideoHandler\0"u8);
        }
    }

    private static void MediaInformationHeaders(Mp4BoxWriter w)
    {
        using (w.FullBox("vmhd", flags: 0x1))
        {
            w.Zeros(2 + (3 * 2)); // graphicsmode copy, opcolor
        }

        using (w.Box("dinf"))
        using (w.FullBox("dref"))
        {
            w.UInt32(1); // entry_count
            using (w.FullBox("url ", flags: 0x1)) // the data is in this file
            {
            }
        }
    }

    private static void SampleTable(Mp4BoxWriter w, Mp4VideoTrack track, long chunkOffset)
    {
        var frames = track.Frames.Count;
        using (w.Box("stbl"))
        {
            using (w.FullBox("stsd"))
            {
                w.UInt32(1); // entry_count
                Avc1SampleEntry(w, track);
            }

            using (w.FullBox("stts"))
            {
                var shortLast = track.Timing.LastFrameTicks != VideoTiming.FrameTicks;
                var evenFrames = shortLast ? frames - 1 : frames;
                w.UInt32((evenFrames > 0 ? 1 : 0) + (shortLast ? 1 : 0));
                if (evenFrames > 0)
                {
                    w.UInt32(evenFrames);
                    w.UInt32(VideoTiming.FrameTicks);
                }

                if (shortLast)
                {
                    w.UInt32(1);
                    w.UInt32(track.Timing.LastFrameTicks);
                }
            }

            using (w.FullBox("stss")) // only the first frame is a sync (IDR) frame
            {
                w.UInt32(1);
                w.UInt32(1);
            }

            using (w.FullBox("stsc")) // a single chunk holds every frame
            {
                w.UInt32(1); // entry_count
                w.UInt32(1); // first_chunk
                w.UInt32(frames); // samples_per_chunk
                w.UInt32(1); // sample_description_index
            }

            using (w.FullBox("stsz"))
            {
                w.UInt32(0); // sample_size: each given below
                w.UInt32(frames);
                foreach (var frame in track.Frames)
                {
                    w.UInt32(NalLengthSize + frame.Length);
                }
            }

            using (w.FullBox("stco"))
            {
                w.UInt32(1);
                w.UInt32(chunkOffset);
            }
        }
    }

    private static void Avc1SampleEntry(Mp4BoxWriter w, Mp4VideoTrack track)
    {
        using (w.Box("avc1"))
        {
            w.Zeros(6);
            w.UInt16(1); // data_reference_index
            w.Zeros(2 + 2 + (3 * 4)); // pre_defined, reserved
            w.UInt16(track.Size.Width);
            w.UInt16(track.Size.Height);
            w.UInt32(Dpi72); // horizresolution
            w.UInt32(Dpi72); // vertresolution
            w.Zeros(4);
            w.UInt16(1); // frame_count per sample
            w.Zeros(32); // compressorname: empty
            w.UInt16(0x0018); // depth: colour, no alpha
            w.UInt16(0xFFFF); // pre_defined = -1

            using (w.Box("avcC"))
            {
                // AVCDecoderConfigurationRecord: profile, compatibility and level as in the SPS's first bytes.
                w.UInt8(1); // configurationVersion
                w.Bytes(track.Sps.AsSpan(1, 3));
                w.UInt8(0xFC | (NalLengthSize - 1)); // 6 reserved bits, lengthSizeMinusOne
                w.UInt8(0xE0 | 1); // 3 reserved bits, numOfSequenceParameterSets
                w.UInt16(track.Sps.Length);
                w.Bytes(track.Sps);
                w.UInt8(1); // numOfPictureParameterSets
                w.UInt16(track.Pps.Length);
                w.Bytes(track.Pps);
            }

            using (w.Box("colr"))
            {
                w.FourCc("nclx");
                w.UInt16(VideoColour.Primaries);
                w.UInt16(VideoColour.Transfer);
                w.UInt16(VideoColour.Matrix);
                w.UInt8(VideoColour.FullRange ? (byte)0x80 : (byte)0); // full_range_flag, 7 reserved bits
            }
        }
    }

    private static void Matrix(Mp4BoxWriter w)
    {
        // The identity transform: no rotation or scaling on display.
        foreach (var value in (uint[])[FixedOne, 0, 0, 0, FixedOne, 0, 0, 0, MatrixW])
        {
            w.UInt32(value);
        }
    }
}
