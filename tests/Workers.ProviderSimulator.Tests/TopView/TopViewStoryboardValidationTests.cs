using static Workers.ProviderSimulator.Tests.TopView.TopViewCalls;

namespace Workers.ProviderSimulator.Tests.TopView;

/// <summary>
/// The storyboard rules of seed 000 as a table: each accepted at its boundary and rejected one step past it, with
/// HTTP 200, the documented string code and a message naming the rule.
/// </summary>
public sealed class TopViewStoryboardValidationTests(SharedSimulator simulator) : IClassFixture<SharedSimulator>
{
    public static TheoryData<string, string> Accepted => new()
    {
        { "GPT Image 2 by display name", Storyboard(("model", "GPT Image 2")) },
        { "Nano Banana 2 by display name", Storyboard(("model", "Nano Banana 2")) },
        { "Nano Banana Pro by display name", Storyboard(("model", "Nano Banana Pro")) },
        { "model name lower-case", Storyboard(("model", "nano banana pro")) },
        { "model name upper-case", Storyboard(("model", "GPT IMAGE 2")) },
        { "model code gpt-image-2", Storyboard(("model", "gpt-image-2")) },
        { "model code nano-banana-2", Storyboard(("model", "nano-banana-2")) },
        { "model code NANO-BANANA-PRO", Storyboard(("model", "NANO-BANANA-PRO")) },
        { "GPT Image 2 1K", Storyboard(("model", "GPT Image 2"), ("resolution", "1K")) },
        { "GPT Image 2 4K", Storyboard(("model", "GPT Image 2"), ("resolution", "4K")) },
        { "Nano Banana 2 512p", Storyboard(("model", "Nano Banana 2"), ("resolution", "512p")) },
        { "Nano Banana 2 4K", Storyboard(("model", "Nano Banana 2"), ("resolution", "4K")) },
        { "Nano Banana Pro 1K", Storyboard(("resolution", "1K")) },
        { "aspect 16:9", Storyboard(("aspectRatio", "16:9")) },
        { "aspect 9:16", Storyboard(("aspectRatio", "9:16")) },
        { "aspect 1:1", Storyboard(("aspectRatio", "1:1")) },
        { "gridMode auto ignores gridSize", Storyboard(("gridMode", "auto"), ("gridSize", "99")) },
        { "preset 4", Storyboard(("gridMode", "preset"), ("gridSize", "4")) },
        { "preset 9", Storyboard(("gridMode", "preset"), ("gridSize", "9")) },
        { "preset 25", Storyboard(("gridMode", "preset"), ("gridSize", "25")) },
        { "custom 2 (lower bound)", Storyboard(("gridMode", "custom"), ("gridSize", "2")) },
        { "custom 25 (upper bound)", Storyboard(("gridMode", "custom"), ("gridSize", "25")) },
        { "custom without gridSize (default 9)", Storyboard(("gridMode", "custom")) },
        { "targetDurationSeconds 1 (lower bound)", Storyboard(("targetDurationSeconds", 1)) },
        { "story of 5000 characters (upper bound)", Storyboard(("story", new string('s', 5000))) },
        { "GPT Image 2 with 16 references", Storyboard(("model", "GPT Image 2"), ("referenceFileIds", Images(16))) },
        { "Nano Banana 2 with 14 references", Storyboard(("model", "Nano Banana 2"), ("referenceFileIds", Images(14))) },
        { "Nano Banana Pro with 6 references", Storyboard(("referenceFileIds", Images(6))) },
        { "empty reference list", Storyboard(("referenceFileIds", Array.Empty<string>())) },
        { "boardId", Storyboard(("boardId", "board-1")) },
        { "noticeUrl", Storyboard(("noticeUrl", "https://me.example/cb/topview")) },
        { "unknown extra field ignored", Storyboard(("style", "noir")) },
    };

    public static TheoryData<string, string, string, string> Rejected => new()
    {
        // description, body, code, a fragment of the message
        { "story missing", Storyboard(("story", null)), "4003", "story" },
        { "story empty", Storyboard(("story", "")), "4000", "story" },
        { "story blank", Storyboard(("story", "   ")), "4000", "story" },
        { "story of 5001 characters", Storyboard(("story", new string('s', 5001))), "4000", "5000" },
        { "story as a number", Storyboard(("story", 5)), "4001", "story" },
        { "model missing", Storyboard(("model", null)), "4003", "model" },
        { "model unknown", Storyboard(("model", "Nano Banana 3")), "4000", "Nano Banana 3" },
        { "model as an array", Storyboard(("model", new[] { "GPT Image 2" })), "4001", "model" },
        { "aspect 4:3", Storyboard(("aspectRatio", "4:3")), "4000", "aspectRatio" },
        { "aspect 16:10", Storyboard(("aspectRatio", "16:10")), "4000", "aspectRatio" },
        { "resolution missing", Storyboard(("resolution", null)), "4003", "resolution" },
        { "resolution 512p on GPT Image 2", Storyboard(("model", "GPT Image 2"), ("resolution", "512p")), "4000", "gpt-image-2 supports resolutions: 1K, 2K, 4K." },
        { "resolution 512p on Nano Banana Pro", Storyboard(("resolution", "512p")), "4000", "nano-banana-pro supports resolutions: 1K, 2K, 4K." },
        { "resolution 8K", Storyboard(("model", "Nano Banana 2"), ("resolution", "8K")), "4000", "nano-banana-2 supports resolutions: 512p, 1K, 2K, 4K." },
        { "resolution 2k (case)", Storyboard(("resolution", "2k")), "4000", "resolutions" },
        { "gridMode unknown", Storyboard(("gridMode", "grid")), "4000", "gridMode" },
        { "preset gridSize 5", Storyboard(("gridMode", "preset"), ("gridSize", "5")), "4000", "gridSize" },
        { "preset gridSize 16", Storyboard(("gridSize", "16")), "4000", "gridSize" },
        { "custom gridSize 1", Storyboard(("gridMode", "custom"), ("gridSize", "1")), "4000", "gridSize" },
        { "custom gridSize 26", Storyboard(("gridMode", "custom"), ("gridSize", "26")), "4000", "gridSize" },
        { "custom gridSize not a number", Storyboard(("gridMode", "custom"), ("gridSize", "nine")), "4000", "gridSize" },
        { "gridSize as a number", Storyboard(("gridSize", 9)), "4001", "gridSize" },
        { "targetDurationSeconds 0", Storyboard(("targetDurationSeconds", 0)), "4000", "targetDurationSeconds" },
        { "targetDurationSeconds as a string", Storyboard(("targetDurationSeconds", "15")), "4001", "targetDurationSeconds" },
        { "GPT Image 2 with 17 references", Storyboard(("model", "GPT Image 2"), ("referenceFileIds", Images(17))), "4000", "at most 16" },
        { "Nano Banana 2 with 15 references", Storyboard(("model", "Nano Banana 2"), ("referenceFileIds", Images(15))), "4000", "at most 14" },
        { "Nano Banana Pro with 7 references", Storyboard(("referenceFileIds", Images(7))), "4000", "at most 6" },
        { "reference never issued", Storyboard(("referenceFileIds", new[] { "0123456789abcdef" })), "4004", "0123456789abcdef" },
        { "referenceFileIds not an array", Storyboard(("referenceFileIds", NewImage)), "4001", "referenceFileIds" },
        { "noticeUrl not http(s)", Storyboard(("noticeUrl", "ftp://me.example/cb")), "4000", "noticeUrl" },
        { "noticeUrl relative", Storyboard(("noticeUrl", "/cb")), "4000", "noticeUrl" },
    };

    private SimulatorHost Host => simulator.Host;

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Submit_ValidRequest_ReturnsAcceptedTask(string rule, string body)
    {
        using var response = await Host.SubmitAsync(StoryboardPath, body, FreshUid());
        var result = await ResultOkAsync(response);

        Assert.True((string?)result["status"] == "success", rule);
        Assert.Matches("^[0-9a-f]{32}$", (string?)result["taskId"]);
        Assert.True(result.ContainsKey("errorMsg") && result["errorMsg"] is null, "errorMsg is present and null");
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Submit_InvalidRequest_ReturnsBusinessErrorOnHttp200(string rule, string body, string code, string fragment)
    {
        using var response = await Host.SubmitAsync(StoryboardPath, body, FreshUid());

        var message = await ErrorAsync(response, code, rule);
        Assert.Contains(fragment, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"story\": ")]
    [InlineData("[1]")]
    [InlineData("")]
    public async Task Submit_BodyNotAJsonObject_Returns4001(string body)
    {
        using var response = await Host.SendAsync(HttpMethod.Post, StoryboardPath + "/submit", body, FreshUid());

        await ErrorAsync(response, "4001");
    }

    [Fact]
    public async Task Submit_ReferenceOfAnotherUid_Returns4004()
    {
        var fileId = await Host.UploadAsync(FreshUid());

        using var response = await Host.SubmitAsync(StoryboardPath, Storyboard(("referenceFileIds", new[] { fileId })), FreshUid());

        await ErrorAsync(response, "4004");
    }

    [Fact]
    public async Task Submit_ReferenceIssuedButNotYetPut_Returns4004()
    {
        var uid = FreshUid();
        var credential = await Host.CredentialAsync(uid);

        using var response = await Host.SubmitAsync(StoryboardPath, Storyboard(("referenceFileIds", new[] { (string)credential["fileId"]! })), uid);

        await ErrorAsync(response, "4004");
    }

    [Fact]
    public async Task Submit_ReferenceThatIsAVideo_Returns4000()
    {
        var uid = FreshUid();
        var fileId = await Host.UploadAsync(uid, "mp4");

        using var response = await Host.SubmitAsync(StoryboardPath, Storyboard(("referenceFileIds", new[] { fileId })), uid);

        Assert.Contains("not an image", await ErrorAsync(response, "4000"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_WithBoardIdAndNoticeUrl_ReturnsBoardTaskIdsAndNoticeUuid()
    {
        using var response = await Host.SubmitAsync(
            StoryboardPath, Storyboard(("boardId", "board-7"), ("noticeUrl", "https://me.example/cb")), FreshUid());
        var result = await ResultOkAsync(response);

        Assert.Equal("board-7", (string?)result["boardId"]);
        Assert.Single(result["boardTaskIds"]!.AsArray());
        Assert.True(Guid.TryParse((string?)result["noticeUuid"], out _));
    }

    [Fact]
    public async Task Submit_WithoutNoticeUrl_HasNoNoticeUuid()
    {
        using var response = await Host.SubmitAsync(StoryboardPath, Storyboard(), FreshUid());
        var result = await ResultOkAsync(response);

        Assert.False(result.ContainsKey("noticeUuid"));
        Assert.Null(result["boardTaskIds"]);
    }
}
