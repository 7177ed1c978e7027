namespace Workers.ProviderSimulator.Video;

/// <summary>An H.264 track to mux: its parameter sets, one NAL unit per frame (the first an IDR picture) and their timing.</summary>
internal sealed record Mp4VideoTrack(FrameSize Size, byte[] Sps, byte[] Pps, IReadOnlyList<byte[]> Frames, VideoTiming Timing);
