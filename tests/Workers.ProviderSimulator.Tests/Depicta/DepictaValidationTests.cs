using System.Net;
using System.Net.Http.Headers;
using System.Text;
using static Workers.ProviderSimulator.Tests.Depicta.DepictaCalls;

namespace Workers.ProviderSimulator.Tests.Depicta;

/// <summary>
/// The rules of seed 002 as a table: each accepted at its boundary and rejected one step past it, with the status,
/// error code and offending field a client sees.
/// </summary>
public sealed class DepictaValidationTests(SharedSimulator simulator) : IClassFixture<SharedSimulator>
{
    public static TheoryData<string, string> Accepted => new()
    {
        { "base story", Story() },
        { "fast model", Story(("model", "depicta-story-1-fast")) },
        { "1 character (lower bound)", Story(("characters", Characters(1))) },
        { "10 characters (upper bound)", Story(("characters", Characters(10))) },
        { "2 scenes (lower bound)", Story(("scenes", Scenes(2))) },
        { "10 scenes (upper bound)", Story(("scenes", Scenes(10))) },
        { "5 states (upper bound)", Story(("characters", Characters(2, firstStates: 5))) },
        { "no states", Story(("characters", Characters(1, firstStates: 0)), ("scenes", new[] { new { prompt = "a" }, new { prompt = "b" } })) },
        { "0 reference images", Story(("reference_images", Array.Empty<object>())) },
        { "5 reference images (upper bound)", Story(("reference_images", ReferenceImages(5))) },
        { "no locations, scenes without location", Story(("locations", null), ("scenes", new[] { new { prompt = "a" }, new { prompt = "b" } })) },
        { "aspect 1:1", Story(("aspect_ratio", "1:1")) },
        { "aspect 2:3", Story(("aspect_ratio", "2:3")) },
        { "aspect 3:2", Story(("aspect_ratio", "3:2")) },
        { "aspect 3:4", Story(("aspect_ratio", "3:4")) },
        { "aspect 4:3", Story(("aspect_ratio", "4:3")) },
        { "aspect 4:5", Story(("aspect_ratio", "4:5")) },
        { "aspect 5:4", Story(("aspect_ratio", "5:4")) },
        { "aspect 9:16", Story(("aspect_ratio", "9:16")) },
        { "aspect 16:9", Story(("aspect_ratio", "16:9")) },
        { "aspect 21:9", Story(("aspect_ratio", "21:9")) },
        { "scene aspect override", Story(("scenes", new[] { new { prompt = "a", aspect_ratio = "9:16" }, new { prompt = "b", aspect_ratio = "21:9" } })) },
        { "image_size 1K", Story(("image_size", "1K")) },
        { "image_size 2K", Story(("image_size", "2K")) },
        { "strictness normal", Story(("strictness", "normal")) },
        { "strictness liberal", Story(("strictness", "liberal")) },
        { "nullable fields null", "{\"model\":\"depicta-story-1\",\"characters\":[{\"name\":\"A\",\"reference_url\":null,\"states\":null}],\"scenes\":[{\"prompt\":\"a\",\"location\":null,\"aspect_ratio\":null},{\"prompt\":\"b\"}],\"aspect_ratio\":null,\"image_size\":null,\"strictness\":null,\"raw_prompts\":null,\"style\":null,\"setting\":null}" },
        { "raw_prompts, style, setting", Story(("raw_prompts", true), ("style", "watercolour"), ("setting", "a northern forest")) },
        { "https reference urls everywhere", Story(
            ("characters", new[] { new { name = "C1", reference_url = "https://cdn.example.com/c1.png?sig=abc", states = new { s1 = new { appearance = "x", reference_url = "https://cdn.example.com/s1.png" } } } }),
            ("locations", new[] { new { name = "L1", description = "forest", reference_url = "https://cdn.example.com/l1.png" } })) },
    };

    public static TheoryData<string, string, string> Rejected => new()
    {
        // case, body, field named in details
        { "model missing", Story(("model", null)), "model" },
        { "model unknown", Story(("model", "depicta-story-9")), "model" },
        { "characters missing", Story(("characters", null)), "characters" },
        { "0 characters", Story(("characters", Array.Empty<object>())), "characters" },
        { "11 characters", Story(("characters", Characters(11))), "characters" },
        { "character without name", Story(("characters", new[] { new { appearance = "nameless" } })), "characters[0].name" },
        { "duplicate character name", Story(("characters", new[] { new { name = "C1" }, new { name = "C1" } })), "characters[1].name" },
        { "6 states", Story(("characters", Characters(2, firstStates: 6))), "characters[0].states" },
        { "scenes missing", Story(("scenes", null)), "scenes" },
        { "1 scene", Story(("scenes", Scenes(1))), "scenes" },
        { "11 scenes", Story(("scenes", Scenes(11))), "scenes" },
        { "6 reference images", Story(("reference_images", ReferenceImages(6))), "reference_images" },
        { "reference image without url", Story(("reference_images", new[] { new { description = "d" } })), "reference_images[0].url" },
        { "reference image without description", Story(("reference_images", new[] { new { url = "https://example.com/a.png" } })), "reference_images[0].description" },
        { "reference image over http", Story(("reference_images", new[] { new { url = "http://example.com/a.png", description = "d" } })), "reference_images[0].url" },
        { "character reference over http", Story(("characters", new[] { new { name = "C1", reference_url = "http://example.com/c.png" } }), ("scenes", new[] { new { prompt = "a" }, new { prompt = "b" } })), "characters[0].reference_url" },
        { "state reference not a URL", Story(("characters", new[] { new { name = "C1", states = new { s1 = new { reference_url = "c1.png" } } } })), "characters[0].states.s1.reference_url" },
        { "location reference over ftp", Story(("locations", new[] { new { name = "L1", reference_url = "ftp://example.com/l.png" } })), "locations[0].reference_url" },
        { "scene names unknown character", Story(("scenes", new[] { new { prompt = "a", characters = new[] { new { name = "Nobody" } } }, new { prompt = "b", characters = new[] { new { name = "C1" } } } })), "scenes[0].characters[0].name" },
        { "scene names unknown state", Story(("scenes", new[] { new { prompt = "a", characters = new[] { new { name = "C1", state = "s9" } } }, new { prompt = "b", characters = new[] { new { name = "C1", state = "s1" } } } })), "scenes[0].characters[0].state" },
        { "scene state of a character without states", Story(("scenes", new[] { new { prompt = "a", characters = new[] { new { name = "C2", state = "s1" } } }, new { prompt = "b", characters = new[] { new { name = "C1", state = "s1" } } } })), "scenes[0].characters[0].state" },
        { "scene names unknown location", Story(("scenes", new[] { new { prompt = "a", location = "L1" }, new { prompt = "b", location = "Moon" } })), "scenes[1].location" },
        { "location without name", Story(("locations", new[] { new { description = "somewhere" } }), ("scenes", new[] { new { prompt = "a" }, new { prompt = "b" } })), "locations[0].name" },
        { "aspect 7:5", Story(("aspect_ratio", "7:5")), "aspect_ratio" },
        { "aspect 16:10", Story(("aspect_ratio", "16:10")), "aspect_ratio" },
        { "scene aspect 1:2", Story(("scenes", new[] { new { prompt = "a", aspect_ratio = "1:2" }, new { prompt = "b", aspect_ratio = "1:1" } })), "scenes[0].aspect_ratio" },
        { "image_size 4K", Story(("image_size", "4K")), "image_size" },
        { "image_size lower case", Story(("image_size", "1k")), "image_size" },
        { "strictness strict", Story(("strictness", "strict")), "strictness" },
        { "characters not an array", Story(("characters", "C1")), "characters" },
        { "raw_prompts not a boolean", Story(("raw_prompts", "yes")), "raw_prompts" },
        { "scene prompt not a string", Story(("scenes", new object[] { new { prompt = 1 }, new { prompt = "b" } })), "scenes[0].prompt" },
        { "body not an object", "[1, 2]", "body" },
        { "body null", "null", "body" },
    };

    private SimulatorHost Host => simulator.Host;

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task Submit_WithinTheRules_Returns202(string rule, string body)
    {
        using var response = await Host.SubmitAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{rule}: {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [MemberData(nameof(Rejected))]
    public async Task Submit_BreakingARule_Returns400WithTheField(string rule, string body, string field)
    {
        using var response = await Host.SubmitAsync(body);
        var json = await ErrorAsync(response, HttpStatusCode.BadRequest, "bad_request");

        var fields = json["details"]!.AsArray().Select(detail => (string?)detail!["field"]).ToList();
        Assert.True(fields.Contains(field), $"{rule}: details name {string.Join(", ", fields)}, not {field}");
        Assert.All(json["details"]!.AsArray(), detail => Assert.False(string.IsNullOrWhiteSpace((string?)detail!["message"])));
    }

    [Fact]
    public async Task Submit_SeveralBrokenRules_ListsEveryField()
    {
        using var response = await Host.SubmitAsync(Story(("aspect_ratio", "7:5"), ("image_size", "8K"), ("scenes", Scenes(1))));
        var json = await ErrorAsync(response, HttpStatusCode.BadRequest, "bad_request");

        Assert.Equal(
            ["aspect_ratio", "image_size", "scenes"],
            json["details"]!.AsArray().Select(detail => (string)detail!["field"]!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("{\"model\": ")]
    [InlineData("")]
    public async Task Submit_MalformedJson_Returns400(string body)
    {
        using var response = await Host.SubmitAsync(body);

        await ErrorAsync(response, HttpStatusCode.BadRequest, "bad_request");
    }

    [Fact]
    public async Task Submit_ModelWithoutMultiturn_Returns422ModelNotCapable()
    {
        using var response = await Host.SubmitAsync(Story(("model", "depicta-image-1")));
        var json = await ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "model_not_capable");

        Assert.Equal("model", (string?)json["details"]![0]!["field"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer sk-test-key")]
    [InlineData("Bearer dpct_")]
    [InlineData("Basic dpct_test_key")]
    [InlineData("dpct_test_key")]
    public async Task Submit_WithoutDpctBearerKey_Returns401AuthInvalid(string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/generate/story")
        {
            Content = new StringContent(Story(), Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await Host.Http.SendAsync(request);

        await ErrorAsync(response, HttpStatusCode.Unauthorized, "auth_invalid");
    }

    [Theory]
    [InlineData("/v1/jobs/00000000-0000-0000-0000-000000000000")]
    [InlineData("/v1/generate/story/00000000-0000-0000-0000-000000000000")]
    [InlineData("/v1/jobs")]
    [InlineData("/v1/models")]
    public async Task Get_WithoutKey_Returns401AuthInvalid(string path)
    {
        using var response = await Host.GetAsync(path, apiKey: null);

        await ErrorAsync(response, HttpStatusCode.Unauthorized, "auth_invalid");
    }

    [Fact]
    public async Task Submit_ChecksTheKeyBeforeTheBody()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/generate/story")
        {
            Content = new StringContent("not json", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "nope");

        using var response = await Host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
