using Workers.Providers.Depicta;

namespace Workers.Providers.Tests.Depicta;

public sealed class DepictaPollUrlTests
{
    [Theory]
    [InlineData("https://api.depicta.ai/v1/jobs/abc-1", "https://api.depicta.ai", "v1/jobs/abc-1")]
    [InlineData("https://API.depicta.ai:443/v1/jobs/abc-1", "https://api.depicta.ai/", "v1/jobs/abc-1")]
    [InlineData("/v1/generate/story/abc-1", "https://api.depicta.ai", "v1/generate/story/abc-1")]
    [InlineData("v1/generate/story/abc-1", "https://api.depicta.ai", "v1/generate/story/abc-1")]
    [InlineData("http://127.0.0.1:5080/v1/jobs/abc-1", "http://127.0.0.1:5080", "v1/jobs/abc-1")]
    [InlineData("https://gw.example/depicta/v1/jobs/abc-1", "https://gw.example/depicta", "v1/jobs/abc-1")]
    public void RelativePath_OnDepictasOrigin_IsFollowed(string pollUrl, string baseUrl, string expected) =>
        Assert.Equal(expected, DepictaPollUrl.RelativePath(pollUrl, baseUrl));

    [Theory]
    [InlineData("https://collector.example/v1/jobs/abc-1")]
    [InlineData("//collector.example/v1/jobs/abc-1")]
    [InlineData("http://api.depicta.ai/v1/jobs/abc-1")]
    [InlineData("https://api.depicta.ai:8443/v1/jobs/abc-1")]
    [InlineData("https://api.depicta.ai.collector.example/v1/jobs/abc-1")]
    [InlineData("https://user:pw@api.depicta.ai/v1/jobs/abc-1")]
    [InlineData("https://api.depicta.ai/v1/jobs/abc-1?key=x")]
    [InlineData("https://api.depicta.ai/v1/jobs/abc-1#x")]
    [InlineData("https://api.depicta.ai/v1/jobs/a%20b")]
    [InlineData("https://api.depicta.ai/")]
    [InlineData("ftp://api.depicta.ai/v1/jobs/abc-1")]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void RelativePath_ElsewhereOrUnusual_FallsBackToTheJobsPath(string? pollUrl) =>
        Assert.Null(DepictaPollUrl.RelativePath(pollUrl, "https://api.depicta.ai"));

    [Fact]
    public void RelativePath_RootRelativeOutsideTheBasePath_FallsBack() =>
        Assert.Null(DepictaPollUrl.RelativePath("/v1/jobs/abc-1", "https://gw.example/depicta"));

    [Fact]
    public void RelativePath_FromDetails_ReadsThePollUrlKey()
    {
        Assert.Equal("v1/jobs/j", DepictaPollUrl.RelativePath(
            new Dictionary<string, string> { [DepictaPollUrl.DetailKey] = "/v1/jobs/j" }, "https://api.depicta.ai"));
        Assert.Null(DepictaPollUrl.RelativePath(new Dictionary<string, string>(), "https://api.depicta.ai"));
        Assert.Null(DepictaPollUrl.RelativePath((IReadOnlyDictionary<string, string>?)null, "https://api.depicta.ai"));
    }
}
