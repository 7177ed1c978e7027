using static Workers.ProviderSimulator.Tests.TopView.TopViewCalls;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary>
/// The image-to-video V2 rules of seed 003 and docs/PROVIDERS.md §2.2 as a table: each accepted at its boundary and rejected
/// one step past it, with HTTP 200, the documented string code and a message naming the rule.
/// </summary>
public sealed class TopViewVideoValidationTests(SharedSimulator simulator) : IClassFixture<SharedSimulator>
{
    /// <summary>Every model of docs/PROVIDERS.md §2.2 by display name, with the input mode it takes (copied from the README).</summary>
    public static TheoryData<string, string> EveryModel => new()
    {
        { "Standard", "first_end" }, { "Fast", "first_end" }, { "Seedance 1.5 Pro", "first_end" },
        { "Seedance 1.0 Pro", "first_end" }, { "Seedance 1.0 Pro Fast", "single" }, { "Kling V3", "first_end" },
        { "Kling O3", "first_end" }, { "Kling V3 Reference Video", "multi_ref" }, { "Kling O3 Reference-to-Video", "multi_ref" },
        { "Kling 2.6", "single" }, { "Kling 2.5 Turbo Pro", "first_end" }, { "Kling 2.5 Turbo Std", "single" },
        { "Sora 2", "single" }, { "Sora 2 Pro", "single" }, { "Veo 3.1", "first_end" }, { "Veo 3.1 Fast", "first_end" },
        { "Veo 3.1 Reference to video", "multi_ref" }, { "Veo 3.1 Fast Reference to video", "multi_ref" },
        { "MiniMax-Hailuo-02", "first_end" }, { "MiniMax-Hailuo-2.3", "first_end" }, { "MiniMax-Hailuo-2.3-Fast", "single" },
        { "Vidu Q3 Pro", "single" }, { "Vidu Q2 Reference to Video", "multi_ref" }, { "Wan 2.6", "single" },
        { "Topview Lite", "single" }, { "Topview Pro", "single" }, { "Topview Plus", "single" }, { "Topview Best", "single" },
    };

    public static TheoryData<string, string> Accepted => new()
    {
        { "model code seedance-1.5-pro (seed)", ImageToVideo(("model", "seedance-1.5-pro")) },
        { "model code kling-v3 (seed)", ImageToVideo(("model", "kling-v3")) },
        { "model code sora-2 (seed)", ImageToVideo(("model", "sora-2")) },
        { "display name in lower case", ImageToVideo(("model", "seedance 1.5 pro")) },
        { "no prompt", ImageToVideo(("prompt", null)) },
        { "generatingCount 1 (lower bound)", ImageToVideo(("generatingCount", 1)) },
        { "generatingCount 4 (upper bound)", ImageToVideo(("generatingCount", 4)) },
        { "Vidu Q3 Pro duration 1 (lower bound)", ImageToVideo(("model", "Vidu Q3 Pro"), ("duration", 1)) },
        { "Vidu Q3 Pro duration 16 (upper bound)", ImageToVideo(("model", "Vidu Q3 Pro"), ("duration", 16)) },
        { "Seedance 1.5 Pro duration 4", ImageToVideo(("duration", 4)) },
        { "Seedance 1.5 Pro duration 12", ImageToVideo(("duration", 12)) },
        { "Kling V3 duration 3", ImageToVideo(("model", "Kling V3"), ("duration", 3)) },
        { "Kling V3 duration 15", ImageToVideo(("model", "Kling V3"), ("duration", 15)) },
        { "Sora 2 duration 12", ImageToVideo(("model", "Sora 2"), ("duration", 12)) },
        { "Veo 3.1 duration 6", ImageToVideo(("model", "Veo 3.1"), ("duration", 6)) },
        { "Seedance 1.5 Pro 720", ImageToVideo(("resolution", 720)) },
        { "Seedance 1.5 Pro 1080", ImageToVideo(("resolution", 1080)) },
        { "Standard 480", ImageToVideo(("model", "Standard"), ("resolution", 480)) },
        { "Veo 3.1 2160", ImageToVideo(("model", "Veo 3.1"), ("resolution", 2160)) },
        { "Hailuo 768", ImageToVideo(("model", "MiniMax-Hailuo-02"), ("resolution", 768)) },
        { "Vidu Q3 Pro 540", ImageToVideo(("model", "Vidu Q3 Pro"), ("resolution", 540)) },
        { "Sora 2 takes any known resolution", ImageToVideo(("model", "Sora 2"), ("resolution", 1080)) },
        { "Sora 2 9:16", ImageToVideo(("model", "Sora 2"), ("aspectRatio", "9:16")) },
        { "Vidu Q3 Pro 3:4", ImageToVideo(("model", "Vidu Q3 Pro"), ("aspectRatio", "3:4")) },
        { "Kling V3 Reference 1:1", ImageToVideo(("model", "Kling V3 Reference Video"), ("firstFrameFileId", null), ("referenceImageFileIds", Images(2)), ("aspectRatio", "1:1")) },
        { "frame-decided ratio 21:9", ImageToVideo(("aspectRatio", "21:9")) },
        { "sound on", ImageToVideo(("sound", "on")) },
        { "sound off", ImageToVideo(("sound", "off")) },
        { "first and end frame", ImageToVideo(("endFrameFileId", NewImage)) },
        { "Kling V3 Reference with 2 references (lower bound)", ImageToVideo(("model", "Kling V3 Reference Video"), ("firstFrameFileId", null), ("referenceImageFileIds", Images(2))) },
        { "Kling V3 Reference with 7 references (upper bound)", ImageToVideo(("model", "Kling V3 Reference Video"), ("firstFrameFileId", null), ("referenceImageFileIds", Images(7))) },
        { "Veo reference with 3 references (upper bound)", ImageToVideo(("model", "Veo 3.1 Reference to video"), ("firstFrameFileId", null), ("referenceImageFileIds", Images(3)), ("duration", 8)) },
        { "boardId and noticeUrl", ImageToVideo(("boardId", "b-1"), ("noticeUrl", "http://me.example/cb")) },
    };

    public static TheoryData<string, string, string, string> Rejected => new()
    {
        // description, body, code, a fragment of the message
        { "model missing", ImageToVideo(("model", null)), "4003", "model" },
        { "model unknown", ImageToVideo(("model", "seedance-9")), "4000", "seedance-9" },
        { "generatingCount 0", ImageToVideo(("generatingCount", 0)), "4000", "generatingCount" },
        { "generatingCount 5", ImageToVideo(("generatingCount", 5)), "4000", "generatingCount" },
        { "generatingCount as a string", ImageToVideo(("generatingCount", "2")), "4001", "generatingCount" },
        { "duration 0", ImageToVideo(("model", "Vidu Q3 Pro"), ("duration", 0)), "4000", "duration must be >= 1" },
        { "duration -3", ImageToVideo(("duration", -3)), "4000", "duration must be >= 1" },
        { "Vidu Q3 Pro duration 17", ImageToVideo(("model", "Vidu Q3 Pro"), ("duration", 17)), "4000", "vidu-q3-pro supports durations: 1-16." },
        { "Seedance 1.5 Pro duration 3", ImageToVideo(("duration", 3)), "4000", "seedance-1.5-pro supports durations: 4-12." },
        { "Seedance 1.5 Pro duration 13", ImageToVideo(("duration", 13)), "4000", "seedance-1.5-pro supports durations: 4-12." },
        { "Sora 2 duration 5", ImageToVideo(("model", "Sora 2"), ("duration", 5)), "4000", "sora-2 supports durations: 4, 8, 12." },
        { "duration 5.5", ImageToVideo(("duration", 5.5)), "4001", "duration" },
        { "Seedance 1.5 Pro 480", ImageToVideo(("resolution", 480)), "4000", "seedance-1.5-pro supports resolutions: 720, 1080." },
        { "Standard 1080", ImageToVideo(("model", "Standard"), ("resolution", 1080)), "4000", "standard supports resolutions: 480, 720." },
        { "Veo 3.1 480", ImageToVideo(("model", "Veo 3.1"), ("resolution", 480)), "4000", "veo-3.1 supports resolutions: 720, 1080, 2160." },
        { "Sora 2 resolution 1000", ImageToVideo(("model", "Sora 2"), ("resolution", 1000)), "4000", "resolution supports" },
        { "resolution as a string", ImageToVideo(("resolution", "720")), "4001", "resolution" },
        { "Sora 2 1:1", ImageToVideo(("model", "Sora 2"), ("aspectRatio", "1:1")), "4000", "sora-2 supports aspect ratios: 9:16, 16:9." },
        { "Kling V3 Reference 4:3", ImageToVideo(("model", "Kling V3 Reference Video"), ("firstFrameFileId", null), ("referenceImageFileIds", Images(2)), ("aspectRatio", "4:3")), "4000", "aspect ratios" },
        { "unknown ratio 2:1", ImageToVideo(("aspectRatio", "2:1")), "4000", "aspectRatio" },
        { "sound yes", ImageToVideo(("sound", "yes")), "4000", "sound" },
        { "sound on without audio (Sora 2)", ImageToVideo(("model", "Sora 2"), ("sound", "on")), "4000", "sora-2 does not support sound." },
        { "first frame missing", ImageToVideo(("firstFrameFileId", null)), "4003", "firstFrameFileId" },
        { "end frame without first frame", ImageToVideo(("firstFrameFileId", null), ("endFrameFileId", NewImage)), "4003", "firstFrameFileId" },
        { "end frame on a single-image model", ImageToVideo(("model", "Sora 2"), ("endFrameFileId", NewImage)), "4000", "endFrameFileId" },
        { "references on a frame model", ImageToVideo(("referenceImageFileIds", Images(2))), "4000", "referenceImageFileIds" },
        { "frames on a reference model", ImageToVideo(("model", "Kling V3 Reference Video"), ("referenceImageFileIds", Images(2))), "4000", "referenceImageFileIds" },
        { "references missing", ImageToVideo(("model", "Kling V3 Reference Video"), ("firstFrameFileId", null)), "4003", "referenceImageFileIds" },
        { "1 reference", ImageToVideo(("model", "Kling V3 Reference Video"), ("firstFrameFileId", null), ("referenceImageFileIds", Images(1))), "4000", "at least 2" },
        { "Kling V3 Reference with 8 references", ImageToVideo(("model", "Kling V3 Reference Video"), ("firstFrameFileId", null), ("referenceImageFileIds", Images(8))), "4000", "at most 7" },
        { "Veo reference with 4 references", ImageToVideo(("model", "Veo 3.1 Reference to video"), ("firstFrameFileId", null), ("referenceImageFileIds", Images(4))), "4000", "at most 3" },
        { "first frame never uploaded", ImageToVideo(("firstFrameFileId", "ffffffffffffffffffffffffffffffff")), "4004", "ffffffffffffffffffffffffffffffff" },
        { "first frame as a number", ImageToVideo(("firstFrameFileId", 12)), "4001", "firstFrameFileId" },
        { "noticeUrl not a URL", ImageToVideo(("noticeUrl", "me.example/cb")), "4000", "noticeUrl" },
    };

    private SimulatorHost Host => simulator.Host;

    [Theory]
    [MemberData(nameof(EveryModel))]
    public async Task Submit_EveryModelInItsInputMode_IsAccepted(string model, string mode)
    {
        var body = mode == "multi_ref"
            ? ImageToVideo(("model", model), ("firstFrameFileId", null), ("referenceImageFileIds", Images(2)))
            : ImageToVideo(("model", model));

        using var response = await Host.SubmitAsync(VideoPath, body, FreshUid());

        Assert.Equal("success", (string?)(await ResultOkAsync(response))["status"]);
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Submit_ValidRequest_ReturnsAcceptedTask(string rule, string body)
    {
        using var response = await Host.SubmitAsync(VideoPath, body, FreshUid());
        var result = await ResultOkAsync(response);

        Assert.True((string?)result["status"] == "success", rule);
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Submit_InvalidRequest_ReturnsBusinessErrorOnHttp200(string rule, string body, string code, string fragment)
    {
        using var response = await Host.SubmitAsync(VideoPath, body, FreshUid());

        var message = await ErrorAsync(response, code, rule);
        Assert.Contains(fragment, message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_ReferencesIncludingTheFirstFrame_Returns4000()
    {
        var uid = FreshUid();
        var fileId = await Host.UploadAsync(uid);
        var body = ImageToVideo(("model", "Kling V3 Reference Video"), ("firstFrameFileId", fileId), ("referenceImageFileIds", new[] { fileId, NewImage }));

        using var response = await Host.SubmitAsync(VideoPath, body, uid);

        Assert.Contains("must not include", await ErrorAsync(response, "4000"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FirstFrameOfAnotherUid_Returns4004()
    {
        var fileId = await Host.UploadAsync(FreshUid());

        using var response = await Host.SubmitAsync(VideoPath, ImageToVideo(("firstFrameFileId", fileId)), FreshUid());

        await ErrorAsync(response, "4004");
    }
}
