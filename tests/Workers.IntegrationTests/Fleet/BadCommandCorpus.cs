using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workers.IntegrationTests.Fleet;

/// <summary>The five rows of the matrix: where their commands are published and which queue takes them.</summary>
public enum CorpusRow
{
    UniAllImage,
    TopViewStoryboard,
    TopViewVideo,
    ApikleyVideo,
    DepictaStoryboard,
}

/// <summary>What the fleet must do with a bad command.</summary>
public enum CorpusOutcome
{
    /// <summary>GenerationFailed(validation) naming the field, and a failed row.</summary>
    FailedRow,

    /// <summary>GenerationFailed(validation) naming the field, and no row: the request id itself cannot key one.</summary>
    FailedWithoutRow,

    /// <summary>No request id can be read: the body lands in the queue's <c>_error</c> queue, unanswered.</summary>
    ErrorQueue,
}

/// <summary>One bad command: where it goes, its body exactly as published, and what must come of it.</summary>
public sealed record BadCommand(
    string Name,
    string Category,
    CorpusRow Row,
    string Exchange,
    string RoutingKey,
    string Body,
    string ContentType,
    string? RequestId,
    string Field,
    CorpusOutcome Outcome,
    string Queue);

/// <summary>
/// The bad-command corpus (fault suite, scenario 6): every seed rule of every row broken one step past its boundary,
/// missing and foreign fields, wrong JSON types for every field kind, oversized and unreadable bodies, unknown message
/// types and providers. Hostile reference URLs (private addresses, file://) are covered by their own tests.
/// </summary>
public static class BadCommandCorpus
{
    private const string Envelope = "application/vnd.masstransit+json";
    private const string Json = "application/json";
    private static readonly string Huge = new('h', 2_000_000);

    private static readonly Lazy<IReadOnlyList<BadCommand>> Cases = new(Build);

    public static IReadOnlyList<BadCommand> All => Cases.Value;

    public static BadCommand Find(string name) => All.Single(c => c.Name == name);

    /// <summary>The valid command each row's cases start from (checked against the fleet's own rules by a test).</summary>
    public static JsonObject Base(CorpusRow row, string requestId)
    {
        var json = row switch
        {
            CorpusRow.UniAllImage => """
                {"provider":"uniall","model":"gpt-image-2","prompt":"a red cube","size":"1024x1024","count":1,"quality":"medium","outputFormat":"png"}
                """,
            CorpusRow.TopViewStoryboard => """
                {"provider":"topview","model":"Nano Banana Pro","story":"A fox finds a lantern in the snow","resolution":"2K","gridMode":"preset",
                 "gridSize":9,"aspectRatio":"16:9","targetDurationSeconds":15}
                """,
            CorpusRow.TopViewVideo => """
                {"provider":"topview","model":"Seedance 1.5 Pro","prompt":"slow dolly-in","firstFrameUrl":"https://example.com/first.png",
                 "resolution":720,"durationSeconds":5,"sound":false,"count":2}
                """,
            CorpusRow.ApikleyVideo => """
                {"provider":"apikley","model":"sora-2-pro-storyboard","durationSeconds":15,"aspectRatio":"16:9",
                 "shots":[{"prompt":"A kitten at a cosy table","durationSeconds":7.5},{"prompt":"The kitten licks its lips","durationSeconds":7.5}]}
                """,
            _ => """
                {"provider":"depicta","model":"depicta-story-1","story":"A fox and an owl become friends","style":"watercolour","aspectRatio":"16:9",
                 "characters":[{"name":"Fox","appearance":"a small red fox","states":{"winter":{"appearance":"wearing a scarf"}}},
                               {"name":"Owl","appearance":"a grey owl"}],
                 "locations":[{"name":"Forest","description":"a pine forest"}],
                 "scenes":[{"prompt":"Fox meets Owl","characters":[{"name":"Fox"},{"name":"Owl"}],"location":"Forest"},
                           {"prompt":"Winter comes","characters":[{"name":"Fox","state":"winter"}]}]}
                """,
        };
        var command = JsonNode.Parse(json)!.AsObject();
        command.Insert(0, "requestId", requestId);
        return command;
    }

    public static (string Exchange, string RoutingKey, string Queue) Route(CorpusRow row) => row switch
    {
        CorpusRow.UniAllImage => ("generate-image", "uniall", "uniall-image-submit"),
        CorpusRow.TopViewStoryboard => ("generate-storyboard", "topview", "topview-storyboard-submit"),
        CorpusRow.TopViewVideo => ("generate-video", "topview", "topview-video-submit"),
        CorpusRow.ApikleyVideo => ("generate-video", "apikley", "apikley-video-submit"),
        _ => ("generate-storyboard", "depicta", "depicta-storyboard-submit"),
    };

    public static string MessageUrn(CorpusRow row) => row switch
    {
        CorpusRow.UniAllImage => "urn:message:Workers.Contracts:GenerateImage",
        CorpusRow.TopViewStoryboard or CorpusRow.DepictaStoryboard => "urn:message:Workers.Contracts:GenerateStoryboard",
        _ => "urn:message:Workers.Contracts:GenerateVideo",
    };

    private static IReadOnlyList<BadCommand> Build()
    {
        var b = new Builder();
        UniAll(b);
        TopViewStoryboard(b);
        TopViewVideo(b);
        Apikley(b);
        Depicta(b);
        Unroutable(b);
        return b.Cases;
    }

    private static void UniAll(Builder b)
    {
        const CorpusRow r = CorpusRow.UniAllImage;
        b.Rule(r, "prompt missing", "Prompt", c => c.Remove("prompt"));
        b.Rule(r, "prompt blank", "Prompt", c => c["prompt"] = "   ");
        b.Rule(r, "prompt 32001 characters", "Prompt", c => c["prompt"] = new string('p', 32_001));
        b.Rule(r, "model missing", "Model", c => c.Remove("model"));
        b.Rule(r, "model unknown", "Model", c => c["model"] = "gpt-image-1");
        b.Rule(r, "model in the wrong case", "Model", c => c["model"] = "nanobanana");
        b.Rule(r, "gpt-image-2 without size", "Size", c => c.Remove("size"));
        b.Rule(r, "size one pixel off the list", "Size", c => c["size"] = "1024x1025");
        b.Rule(r, "size with a capital X", "Size", c => c["size"] = "1024X1024");
        b.Rule(r, "aspectRatio on gpt-image-2", "AspectRatio", c => c["aspectRatio"] = "16:9");
        b.Rule(r, "quality unknown", "Quality", c => c["quality"] = "ultra");
        b.Rule(r, "count 0", "Count", c => c["count"] = 0);
        b.Rule(r, "count 9", "Count", c => c["count"] = 9);
        b.Rule(r, "count negative", "Count", c => c["count"] = -1);
        b.Rule(r, "outputFormat jpg", "OutputFormat", c => c["outputFormat"] = "jpg");
        b.Rule(r, "outputFormat gif", "OutputFormat", c => c["outputFormat"] = "gif");
        b.Rule(r, "NanoBanana aspectRatio off the list", "AspectRatio", NanoBanana(c => c["aspectRatio"] = "2:1"));
        b.Rule(r, "NanoBanana with size", "Size", NanoBanana(c => c["size"] = "1024x1024"));
        b.Rule(r, "NanoBanana with quality", "Quality", NanoBanana(c => c["quality"] = "high"));
        b.Rule(r, "NanoBanana with count 2", "Count", NanoBanana(c => c["count"] = 2));
        b.Rule(r, "NanoBananaPro with webp", "OutputFormat", c =>
        {
            NanoBanana(_ => { })(c);
            c["model"] = "NanoBananaPro-1K";
            c["outputFormat"] = "webp";
        });
        b.Rule(r, "reference that is not a URL", "ReferenceImageUrls", c => c["referenceImageUrls"] = J("""["not a url"]"""));
        b.Rule(r, "reference over plain HTTP", "ReferenceImageUrls", c => c["referenceImageUrls"] = J("""["http://example.com/a.png"]"""));
        b.Rule(r, "account not configured", "Account", c => c["account"] = "nobody");
        b.Rule(r, "prompt with a NUL character", "Prompt", c => c["prompt"] = "a\u0000b");
        b.Rule(r, "provider of another kind in the body", "Provider", c => c["provider"] = "topview");
        b.Rule(r, "model with a NUL character", "Model", c => c["model"] = "gpt-image-2\u0000");
        b.Rule(r, "tag value with a NUL character", "Tags['k']", c => c["tags"] = new JsonObject { ["k"] = "v\u0000" });
        Common(b, r);

        b.Type(r, "count as a word", "Count", c => c["count"] = "three");
        b.Type(r, "count with a fraction", "Count", c => c["count"] = 2.5);
        b.Type(r, "count as true", "Count", c => c["count"] = true);
        b.Type(r, "count as a list", "Count", c => c["count"] = J("[1]"));
        b.Type(r, "count beyond Int32", "Count", c => c["count"] = J("1e12"));
        b.Type(r, "prompt as a number", "Prompt", c => c["prompt"] = 42);
        b.Type(r, "prompt as an object", "Prompt", c => c["prompt"] = J("""{"text":"a cube"}"""));
        b.Type(r, "prompt as a list", "Prompt", c => c["prompt"] = J("""["a","cube"]"""));
        b.Type(r, "size as a number", "Size", c => c["size"] = 1024);
        b.Type(r, "model as a number", "Model", c => c["model"] = 5);
        b.Type(r, "provider as a number", "Provider", c => c["provider"] = 7);
        b.Type(r, "references as a string", "ReferenceImageUrls", c => c["referenceImageUrls"] = "https://example.com/a.png");
        b.Type(r, "references as an object", "ReferenceImageUrls", c => c["referenceImageUrls"] = J("""{"url":"https://example.com/a.png"}"""));
        b.Type(r, "reference as a number", "ReferenceImageUrls[0]", c => c["referenceImageUrls"] = J("[1]"));
        b.Type(r, "timeoutSeconds as a word", "TimeoutSeconds", c => c["timeoutSeconds"] = "soon");
        b.Huge(r, "prompt of 2,000,000 characters", "Prompt", c => c["prompt"] = Huge);
        b.Type(r, "count as a word in an envelope", "Count", c => c["count"] = "three", envelope: true);
        b.Envelope(r, "envelope naming an unknown message type", "MessageType", "urn:message:Workers.Contracts:Nope");

        b.Unreadable(r, "not JSON", "this is not json");
        b.Unreadable(r, "truncated JSON", """{"requestId":"cut-1","provider":"uniall","prompt":"a""");
        b.Unreadable(r, "JSON array at the top", """[{"requestId":"array-1","prompt":"a"}]""");
        b.Unreadable(r, "JSON string at the top", "\"just a string\"");
        b.Unreadable(r, "JSON null", "null");
        b.Unreadable(r, "requestId as a number", """{"requestId":5,"prompt":"a","count":"three"}""");
        b.Unreadable(r, "no requestId and a wrong type", """{"prompt":"a","count":"three"}""");
        b.Unreadable(r, "empty requestId and a wrong type", """{"requestId":"","prompt":"a","count":"three"}""");
        b.Unreadable(r, "envelope without a message", """{"messageType":["urn:message:Workers.Contracts:GenerateImage"]}""", Envelope);
        b.Unreadable(r, "unknown message type without requestId",
            """{"messageType":["urn:message:Workers.Contracts:Nope"],"message":{"prompt":"a"}}""", Envelope);
        b.Unreadable(r, "oversized without requestId", $$"""{"provider":"uniall","prompt":"{{Huge}}"}""");
    }

    private static void TopViewStoryboard(Builder b)
    {
        const CorpusRow r = CorpusRow.TopViewStoryboard;
        b.Rule(r, "story missing", "Story", c => c.Remove("story"));
        b.Rule(r, "story blank", "Story", c => c["story"] = " ");
        b.Rule(r, "story 5001 characters", "Story", c => c["story"] = new string('s', 5001));
        b.Rule(r, "model missing", "Model", c => c.Remove("model"));
        b.Rule(r, "model unknown", "Model", c => c["model"] = "Midjourney");
        b.Rule(r, "aspectRatio 4:3", "AspectRatio", c => c["aspectRatio"] = "4:3");
        b.Rule(r, "resolution missing", "Resolution", c => c.Remove("resolution"));
        b.Rule(r, "resolution 512p on Nano Banana Pro", "Resolution", c => c["resolution"] = "512p");
        b.Rule(r, "resolution 8K", "Resolution", c => c["resolution"] = "8K");
        b.Rule(r, "gridMode unknown", "GridMode", c => c["gridMode"] = "grid");
        b.Rule(r, "gridSize with gridMode auto", "GridSize", c => c["gridMode"] = "auto");
        b.Rule(r, "preset gridSize 5", "GridSize", c => c["gridSize"] = 5);
        b.Rule(r, "preset gridSize 16", "GridSize", c => c["gridSize"] = 16);
        b.Rule(r, "custom gridSize 1", "GridSize", c => (c["gridMode"], c["gridSize"]) = ("custom", 1));
        b.Rule(r, "custom gridSize 26", "GridSize", c => (c["gridMode"], c["gridSize"]) = ("custom", 26));
        b.Rule(r, "targetDurationSeconds 0", "TargetDurationSeconds", c => c["targetDurationSeconds"] = 0);
        b.Rule(r, "7 references on Nano Banana Pro", "ReferenceImageUrls", c => c["referenceImageUrls"] = Urls(7));
        b.Rule(r, "reference that is not a URL", "ReferenceImageUrls", c => c["referenceImageUrls"] = J("""["not a url"]"""));
        b.Rule(r, "boardId blank", "BoardId", c => c["boardId"] = "  ");
        b.Rule(r, "boardId 129 characters", "BoardId", c => c["boardId"] = new string('b', 129));
        b.Rule(r, "Depicta characters", "Characters", c => c["characters"] = J("""[{"name":"Fox"}]"""));
        b.Rule(r, "Depicta scenes", "Scenes", c => c["scenes"] = J("""[{"prompt":"a"},{"prompt":"b"}]"""));
        b.Rule(r, "Depicta locations", "Locations", c => c["locations"] = J("""[{"name":"Forest"}]"""));
        b.Rule(r, "Depicta referenceImages", "ReferenceImages", c => c["referenceImages"] = J("""[{"url":"https://example.com/a.png","description":"a"}]"""));
        b.Rule(r, "Depicta style", "Style", c => c["style"] = "watercolour");
        b.Rule(r, "Depicta setting", "Setting", c => c["setting"] = "a forest");
        b.Rule(r, "Depicta rawPrompts", "RawPrompts", c => c["rawPrompts"] = true);
        b.Rule(r, "Depicta strictness", "Strictness", c => c["strictness"] = "liberal");
        b.Rule(r, "account not configured", "Account", c => c["account"] = "nobody");
        b.Rule(r, "story with a NUL character", "Story", c => c["story"] = "fox\u0000lantern");

        b.Type(r, "gridSize as a word", "GridSize", c => c["gridSize"] = "nine");
        b.Type(r, "gridSize with a fraction", "GridSize", c => c["gridSize"] = 9.5);
        b.Type(r, "targetDurationSeconds as a string", "TargetDurationSeconds", c => c["targetDurationSeconds"] = "15");
        b.Type(r, "story as a number", "Story", c => c["story"] = 12345);
        b.Type(r, "story as a list", "Story", c => c["story"] = J("""["a","b"]"""));
        b.Type(r, "references as a string", "ReferenceImageUrls", c => c["referenceImageUrls"] = "https://example.com/a.png");
        b.Type(r, "rawPrompts as a word", "RawPrompts", c => c["rawPrompts"] = "yes");
        b.Type(r, "boardId as a number", "BoardId", c => c["boardId"] = 42);
        b.Type(r, "characters as an object", "Characters", c => c["characters"] = J("""{"name":"Fox"}"""));
        b.Huge(r, "story of 2,000,000 characters", "Story", c => c["story"] = Huge);
        b.Type(r, "story as an object in an envelope", "Story", c => c["story"] = J("""{"text":"x"}"""), envelope: true);

        b.Unreadable(r, "truncated JSON", """{"requestId":"cut-2","story":""");
        b.Unreadable(r, "JSON array at the top", """[1,2,3]""");
    }

    private static void TopViewVideo(Builder b)
    {
        const CorpusRow r = CorpusRow.TopViewVideo;
        b.Rule(r, "model missing", "Model", c => c.Remove("model"));
        b.Rule(r, "model unknown", "Model", c => c["model"] = "Seedance 9");
        b.Rule(r, "count 0", "Count", c => c["count"] = 0);
        b.Rule(r, "count 5", "Count", c => c["count"] = 5);
        b.Rule(r, "durationSeconds 0", "DurationSeconds", c => c["durationSeconds"] = 0);
        b.Rule(r, "durationSeconds 3 on Seedance 1.5 Pro", "DurationSeconds", c => c["durationSeconds"] = 3);
        b.Rule(r, "durationSeconds 13 on Seedance 1.5 Pro", "DurationSeconds", c => c["durationSeconds"] = 13);
        b.Rule(r, "resolution 480 on Seedance 1.5 Pro", "Resolution", c => c["resolution"] = 480);
        b.Rule(r, "resolution 2160 on Seedance 1.5 Pro", "Resolution", c => c["resolution"] = 2160);
        b.Rule(r, "aspectRatio on a model without one", "AspectRatio", c => c["aspectRatio"] = "16:9");
        b.Rule(r, "aspectRatio 1:1 on Sora 2", "AspectRatio", c =>
        {
            c["model"] = "Sora 2";
            c.Remove("resolution");
            c["durationSeconds"] = 4;
            c["aspectRatio"] = "1:1";
        });
        b.Rule(r, "resolution on a model without one", "Resolution", c => (c["model"], c["durationSeconds"]) = ("Kling 2.6", 5));
        b.Rule(r, "sound on Seedance 1.0 Pro", "Sound", c => (c["model"], c["sound"]) = ("Seedance 1.0 Pro", true));
        b.Rule(r, "firstFrameUrl missing", "FirstFrameUrl", c => c.Remove("firstFrameUrl"));
        b.Rule(r, "firstFrameUrl not a URL", "FirstFrameUrl", c => c["firstFrameUrl"] = "not a url");
        b.Rule(r, "endFrameUrl on a single-frame model", "EndFrameUrl", c =>
            (c["model"], c["endFrameUrl"]) = ("Seedance 1.0 Pro Fast", "https://example.com/end.png"));
        b.Rule(r, "references with a first frame", "ReferenceImageUrls", c => c["referenceImageUrls"] = Urls(2));
        b.Rule(r, "first frame on a multi-reference model", "FirstFrameUrl", c =>
            (c["model"], c["referenceImageUrls"]) = ("Kling V3 Reference Video", Urls(2)));
        b.Rule(r, "one reference on a multi-reference model", "ReferenceImageUrls", c =>
        {
            c.Remove("firstFrameUrl");
            (c["model"], c["referenceImageUrls"]) = ("Kling V3 Reference Video", Urls(1));
        });
        b.Rule(r, "4 references on Veo 3.1 Reference to video", "ReferenceImageUrls", c =>
        {
            c.Remove("firstFrameUrl");
            (c["model"], c["durationSeconds"], c["referenceImageUrls"]) = ("Veo 3.1 Reference to video", 8, Urls(4));
        });
        b.Rule(r, "prompt 3001 characters", "Prompt", c => c["prompt"] = new string('p', 3001));
        b.Rule(r, "Apikley shots", "Shots", c => c["shots"] = J("""[{"prompt":"a","durationSeconds":5}]"""));
        b.Rule(r, "boardId blank", "BoardId", c => c["boardId"] = " ");
        b.Rule(r, "account not configured", "Account", c => c["account"] = "nobody");
        b.Rule(r, "firstFrameUrl null", "FirstFrameUrl", c => c["firstFrameUrl"] = null);
        b.Rule(r, "model null", "Model", c => c["model"] = null);

        b.Type(r, "resolution as 720p", "Resolution", c => c["resolution"] = "720p");
        b.Type(r, "durationSeconds as 5s", "DurationSeconds", c => c["durationSeconds"] = "5s");
        b.Type(r, "sound as a string", "Sound", c => c["sound"] = "false");
        b.Type(r, "sound as a number", "Sound", c => c["sound"] = 0);
        b.Type(r, "count as a word", "Count", c => c["count"] = "two");
        b.Type(r, "firstFrameUrl as a list", "FirstFrameUrl", c => c["firstFrameUrl"] = Urls(1));
        b.Type(r, "references as an object", "ReferenceImageUrls", c => c["referenceImageUrls"] = J("""{"a":"https://example.com/a.png"}"""));
        b.Type(r, "shots as an object", "Shots", c => c["shots"] = J("""{"prompt":"x"}"""));
        b.Huge(r, "prompt of 2,000,000 characters", "Prompt", c => c["prompt"] = Huge);
        b.Type(r, "count as a word in an envelope", "Count", c => c["count"] = "two", envelope: true);

        b.Unreadable(r, "not JSON", "<video/>");
        b.Unreadable(r, "requestId as an object", """{"requestId":{"id":"x"},"prompt":"a"}""");
    }

    private static void Apikley(Builder b)
    {
        const CorpusRow r = CorpusRow.ApikleyVideo;
        b.Rule(r, "shots missing", "Shots", c => c.Remove("shots"));
        b.Rule(r, "shots empty", "Shots", c => c["shots"] = J("[]"));
        b.Rule(r, "11 shots", "Shots", c => c["shots"] = new JsonArray([.. Enumerable.Range(0, 11).Select(_ => J("""{"prompt":"p","durationSeconds":1}"""))]));
        b.Rule(r, "shot prompt missing", "Shots[0].Prompt", c => Shot(c, 0).Remove("prompt"));
        b.Rule(r, "shot prompt blank", "Shots[0].Prompt", c => Shot(c, 0)["prompt"] = " ");
        b.Rule(r, "shot prompt 5001 characters", "Shots[0].Prompt", c => Shot(c, 0)["prompt"] = new string('s', 5001));
        b.Rule(r, "shot duration missing", "Shots[1].DurationSeconds", c => Shot(c, 1).Remove("durationSeconds"));
        b.Rule(r, "shot duration 0.09", "Shots[0].DurationSeconds", c => Shot(c, 0)["durationSeconds"] = 0.09m);
        b.Rule(r, "shot duration 15.01", "Shots[0].DurationSeconds", c => Shot(c, 0)["durationSeconds"] = 15.01m);
        b.Rule(r, "shots adding up past n_frames 15", "Shots[].DurationSeconds", c => Shot(c, 1)["durationSeconds"] = 8);
        b.Rule(r, "shots adding up past n_frames 10", "Shots[].DurationSeconds", c => c["durationSeconds"] = 10);
        b.Rule(r, "durationSeconds 20", "DurationSeconds", c => c["durationSeconds"] = 20);
        b.Rule(r, "durationSeconds 9", "DurationSeconds", c => c["durationSeconds"] = 9);
        b.Rule(r, "aspectRatio 1:1", "AspectRatio", c => c["aspectRatio"] = "1:1");
        b.Rule(r, "model of another provider", "Model", c => c["model"] = "sora-2");
        b.Rule(r, "TopView prompt", "Prompt", c => c["prompt"] = "a kitten");
        b.Rule(r, "TopView endFrameUrl", "EndFrameUrl", c => c["endFrameUrl"] = "https://example.com/end.png");
        b.Rule(r, "TopView references", "ReferenceImageUrls", c => c["referenceImageUrls"] = Urls(2));
        b.Rule(r, "TopView resolution", "Resolution", c => c["resolution"] = 720);
        b.Rule(r, "TopView sound", "Sound", c => c["sound"] = false);
        b.Rule(r, "TopView count 2", "Count", c => c["count"] = 2);
        b.Rule(r, "TopView boardId", "BoardId", c => c["boardId"] = "board-1");
        b.Rule(r, "firstFrameUrl not a URL", "FirstFrameUrl", c => c["firstFrameUrl"] = "not a url");
        b.Rule(r, "account not configured", "Account", c => c["account"] = "nobody");
        b.Rule(r, "null shot", "Shots[0]", c => c["shots"]!.AsArray()[0] = null);
        b.Rule(r, "shot prompt with a NUL character", "Shots[0].Prompt", c => Shot(c, 0)["prompt"] = "kit\u0000ten");

        b.Type(r, "shot duration as a word", "Shots[0].DurationSeconds", c => Shot(c, 0)["durationSeconds"] = "seven");
        b.Type(r, "shot duration as true", "Shots[0].DurationSeconds", c => Shot(c, 0)["durationSeconds"] = true);
        b.Type(r, "shot duration beyond decimal", "Shots[0].DurationSeconds", c => Shot(c, 0)["durationSeconds"] = J("1e400"));
        b.Type(r, "shot prompt as a number", "Shots[0].Prompt", c => Shot(c, 0)["prompt"] = 7);
        b.Type(r, "shots as a string", "Shots", c => c["shots"] = "one shot");
        b.Type(r, "shot as a list", "Shots[0]", c => c["shots"] = J("""[["a"]]"""));
        b.Type(r, "durationSeconds as a string", "DurationSeconds", c => c["durationSeconds"] = "15");
        b.Type(r, "durationSeconds with a fraction", "DurationSeconds", c => c["durationSeconds"] = 15.5);
        b.Type(r, "aspectRatio as a number", "AspectRatio", c => c["aspectRatio"] = 16);
        b.Huge(r, "shot prompt of 2,000,000 characters", "Shots[0].Prompt", c => Shot(c, 0)["prompt"] = Huge);
        b.Type(r, "shots as a string in an envelope", "Shots", c => c["shots"] = "x", envelope: true);

        b.Unreadable(r, "requestId as true", """{"requestId":true,"shots":[]}""");
        b.Unreadable(r, "truncated JSON", """{"requestId":"cut-3","shots":[{"prompt":""");
    }

    private static void Depicta(Builder b)
    {
        const CorpusRow r = CorpusRow.DepictaStoryboard;
        b.Rule(r, "characters missing", "Characters", c => c.Remove("characters"));
        b.Rule(r, "characters empty", "Characters", c => c["characters"] = J("[]"));
        b.Rule(r, "11 characters", "Characters", c =>
            c["characters"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => J($$"""{"name":"C{{i}}"}"""))]));
        b.Rule(r, "character name missing", "Characters[1].Name", c => Character(c, 1).Remove("name"));
        b.Rule(r, "character names repeated", "Characters[1].Name", c => Character(c, 1)["name"] = "Fox");
        b.Rule(r, "character name 101 characters", "Characters[1].Name", c => Character(c, 1)["name"] = new string('n', 101));
        b.Rule(r, "appearance blank", "Characters[0].Appearance", c => Character(c, 0)["appearance"] = " ");
        b.Rule(r, "appearance 2001 characters", "Characters[0].Appearance", c => Character(c, 0)["appearance"] = new string('a', 2001));
        b.Rule(r, "6 states", "Characters[0].States", c =>
            Character(c, 0)["states"] = new JsonObject(Enumerable.Range(0, 6).Select(i => KeyValuePair.Create($"s{i}", J("{}")))));
        b.Rule(r, "state appearance 2001 characters", "Characters[0].States['winter'].Appearance", c =>
            Character(c, 0)["states"]!["winter"]!["appearance"] = new string('a', 2001));
        b.Rule(r, "character reference over plain HTTP", "Characters[0].ReferenceImageUrl", c =>
            Character(c, 0)["referenceImageUrl"] = "http://example.com/fox.png");
        b.Rule(r, "scenes missing", "Scenes", c => c.Remove("scenes"));
        b.Rule(r, "one scene", "Scenes", c => c["scenes"]!.AsArray().RemoveAt(1));
        b.Rule(r, "11 scenes", "Scenes", c => c["scenes"] = new JsonArray([.. Enumerable.Range(0, 11).Select(_ => J("""{"prompt":"p"}"""))]));
        b.Rule(r, "scene prompt 4001 characters", "Scenes[0].Prompt", c => Scene(c, 0)["prompt"] = new string('p', 4001));
        b.Rule(r, "scene aspectRatio 7:3", "Scenes[0].AspectRatio", c => Scene(c, 0)["aspectRatio"] = "7:3");
        b.Rule(r, "scene character not in Characters", "Scenes[0].Characters[0].Name", c => Scene(c, 0)["characters"]![0]!["name"] = "Wolf");
        b.Rule(r, "scene character twice", "Scenes[0].Characters[1].Name", c => Scene(c, 0)["characters"]![1]!["name"] = "Fox");
        b.Rule(r, "scene character in an unknown state", "Scenes[1].Characters[0].State", c => Scene(c, 1)["characters"]![0]!["state"] = "summer");
        b.Rule(r, "scene state of a character without states", "Scenes[0].Characters[1].State", c => Scene(c, 0)["characters"]![1]!["state"] = "winter");
        b.Rule(r, "scene character name missing", "Scenes[0].Characters[0].Name", c => Scene(c, 0)["characters"]![0]!.AsObject().Remove("name"));
        b.Rule(r, "scene location unknown", "Scenes[0].Location", c => Scene(c, 0)["location"] = "Desert");
        b.Rule(r, "scene location blank", "Scenes[0].Location", c => Scene(c, 0)["location"] = " ");
        b.Rule(r, "11 locations", "Locations", c =>
            c["locations"] = new JsonArray([.. Enumerable.Range(0, 11).Select(i => J($$"""{"name":"L{{i}}"}"""))]));
        b.Rule(r, "location name missing", "Locations[0].Name", c => c["locations"]![0]!.AsObject().Remove("name"));
        b.Rule(r, "location names repeated", "Locations[1].Name", c => c["locations"]!.AsArray().Add(J("""{"name":"Forest"}""")));
        b.Rule(r, "location description 2001 characters", "Locations[0].Description", c => c["locations"]![0]!["description"] = new string('d', 2001));
        b.Rule(r, "model missing", "Model", c => c.Remove("model"));
        b.Rule(r, "model not a story model", "Model", c => c["model"] = "depicta-1");
        b.Rule(r, "story 4001 characters", "Story", c => c["story"] = new string('s', 4001));
        b.Rule(r, "style blank", "Style", c => c["style"] = " ");
        b.Rule(r, "setting 2001 characters", "Setting", c => c["setting"] = new string('s', 2001));
        b.Rule(r, "aspectRatio 2:1", "AspectRatio", c => c["aspectRatio"] = "2:1");
        b.Rule(r, "resolution 4K", "Resolution", c => c["resolution"] = "4K");
        b.Rule(r, "strictness unknown", "Strictness", c => c["strictness"] = "strict");
        b.Rule(r, "6 reference images", "ReferenceImages", c =>
            c["referenceImages"] = new JsonArray([.. Enumerable.Range(0, 6).Select(i => J($$"""{"url":"https://example.com/{{i}}.png","description":"d"}"""))]));
        b.Rule(r, "reference image without description", "ReferenceImages[0].Description", c =>
            c["referenceImages"] = J("""[{"url":"https://example.com/a.png"}]"""));
        b.Rule(r, "reference image without url", "ReferenceImages[0].Url", c => c["referenceImages"] = J("""[{"description":"a fox"}]"""));
        b.Rule(r, "TopView gridMode", "GridMode", c => c["gridMode"] = "preset");
        b.Rule(r, "TopView gridSize", "GridSize", c => c["gridSize"] = 9);
        b.Rule(r, "TopView targetDurationSeconds", "TargetDurationSeconds", c => c["targetDurationSeconds"] = 15);
        b.Rule(r, "TopView referenceImageUrls", "ReferenceImageUrls", c => c["referenceImageUrls"] = Urls(1));
        b.Rule(r, "TopView boardId", "BoardId", c => c["boardId"] = "board-1");
        b.Rule(r, "account not configured", "Account", c => c["account"] = "nobody");
        b.Rule(r, "null character", "Characters[1]", c => c["characters"]!.AsArray()[1] = null);
        b.Rule(r, "character name with a NUL character", "Characters[1].Name", c => Character(c, 1)["name"] = "O\u0000wl");

        b.Type(r, "characters as a string", "Characters", c => c["characters"] = "Fox");
        b.Type(r, "characters as an object", "Characters", c => c["characters"] = J("""{"name":"Fox"}"""));
        b.Type(r, "character as a string", "Characters[0]", c => c["characters"]!.AsArray()[0] = "Fox");
        b.Type(r, "states as a list", "Characters[0].States", c => Character(c, 0)["states"] = J("""["winter"]"""));
        b.Type(r, "state as a string", "Characters[0].States['winter']", c => Character(c, 0)["states"] = J("""{"winter":"a scarf"}"""));
        b.Type(r, "state names differing only in case", "Characters[0].States", c =>
            Character(c, 0)["states"] = J("""{"winter":{"appearance":"a scarf"},"Winter":{"appearance":"a hat"}}"""));
        b.Type(r, "scene characters as a string", "Scenes[0].Characters", c => Scene(c, 0)["characters"] = "Fox");
        b.Type(r, "scene location as a list", "Scenes[0].Location", c => Scene(c, 0)["location"] = J("""["Forest"]"""));
        b.Type(r, "scene prompt as a number", "Scenes[0].Prompt", c => Scene(c, 0)["prompt"] = 3);
        b.Type(r, "rawPrompts as a string", "RawPrompts", c => c["rawPrompts"] = "true");
        b.Type(r, "locations as an object", "Locations", c => c["locations"] = J("""{"Forest":{}}"""));
        b.Huge(r, "scene prompt of 2,000,000 characters", "Scenes[0].Prompt", c => Scene(c, 0)["prompt"] = Huge);
        b.Huge(r, "story of 2,000,000 characters", "Story", c => c["story"] = Huge);
        b.Type(r, "characters as a string in an envelope", "Characters", c => c["characters"] = "Fox", envelope: true);

        b.Unreadable(r, "not JSON", "story: a fox");
        b.Unreadable(r, "requestId null and a wrong type", """{"requestId":null,"characters":"Fox"}""");
    }

    /// <summary>Commands for a provider nobody serves: answered by the unroutable queue.</summary>
    private static void Unroutable(Builder b)
    {
        b.Unroutable("image for an unknown provider", "generate-image", "nobody",
            """{"provider":"nobody","model":"gpt-image-2","prompt":"a cube","size":"1024x1024"}""", "Provider");
        b.Unroutable("video for an unknown provider", "generate-video", "nobody", """{"provider":"nobody","prompt":"a"}""", "Provider");
        b.Unroutable("storyboard for an unknown provider", "generate-storyboard", "midjourney", """{"provider":"midjourney","story":"a"}""", "Provider");
        b.Unroutable("video naming no provider", "generate-video", "", """{"prompt":"a"}""", "Provider");
        b.Unroutable("unknown provider and a wrong type", "generate-storyboard", "nobody", """{"provider":"nobody","characters":"Fox"}""", "Characters");
        b.UnroutableUnreadable("unknown provider, not JSON", "generate-image", "nobody", "{not json");
    }

    private static void Common(Builder b, CorpusRow r)
    {
        // The fleet-wide rules, the same on every row; checked here on one.
        b.Rule(r, "33 tags", "Tags", c => c["tags"] = new JsonObject(Enumerable.Range(0, 33).Select(i => KeyValuePair.Create($"k{i}", (JsonNode?)"v"))));
        b.Rule(r, "tag key 65 characters", "Tags", c => c["tags"] = new JsonObject { [new string('k', 65)] = "v" });
        b.Rule(r, "tag value 257 characters", "Tags['k']", c => c["tags"] = new JsonObject { ["k"] = new string('v', 257) });
        b.Type(r, "tags differing only in case", "Tags['A']", c => c["tags"] = J("""{"a":"1","A":"2"}"""));
        b.Type(r, "tags as a list", "Tags", c => c["tags"] = J("""["a"]"""));
        b.Type(r, "tags as a string", "Tags", c => c["tags"] = "a=b");
        b.Type(r, "tag value as a number", "Tags['a']", c => c["tags"] = J("""{"a":1}"""));
        b.BadId(r, "requestId 201 characters", new string('r', 201));
        b.BadId(r, "requestId with a control character", "bad\u0001id");
        b.BadId(r, "requestId with a line break", "bad\nid");
    }

    private static Action<JsonObject> NanoBanana(Action<JsonObject> then) => c =>
    {
        c["model"] = "NanoBanana2-1K";
        c.Remove("size");
        c.Remove("quality");
        c.Remove("count");
        c["aspectRatio"] = "16:9";
        then(c);
    };

    private static JsonObject Shot(JsonObject command, int index) => command["shots"]![index]!.AsObject();

    private static JsonObject Character(JsonObject command, int index) => command["characters"]![index]!.AsObject();

    private static JsonObject Scene(JsonObject command, int index) => command["scenes"]![index]!.AsObject();

    private static JsonArray Urls(int count) =>
        new([.. Enumerable.Range(0, count).Select(i => (JsonNode?)string.Create(CultureInfo.InvariantCulture, $"https://example.com/ref-{i}.png"))]);

    private static JsonNode? J(string json) => JsonNode.Parse(json);

    private sealed class Builder
    {
        public List<BadCommand> Cases { get; } = [];

        public void Rule(CorpusRow row, string name, string field, Action<JsonObject> change) =>
            Mutated(row, "seed rule", name, field, change, envelope: false);

        public void Type(CorpusRow row, string name, string field, Action<JsonObject> change, bool envelope = false) =>
            Mutated(row, "wrong JSON type", name, field, change, envelope);

        public void Huge(CorpusRow row, string name, string field, Action<JsonObject> change) =>
            Mutated(row, "oversized", name, field, change, envelope: false);

        public void BadId(CorpusRow row, string name, string requestId)
        {
            var (exchange, key, queue) = Route(row);
            var command = Base(row, requestId);
            Add(new BadCommand(Name(row, name), "request id", row, exchange, key, command.ToJsonString(), Json, requestId, "RequestId",
                CorpusOutcome.FailedWithoutRow, queue));
        }

        public void Envelope(CorpusRow row, string name, string field, string messageType)
        {
            var (exchange, key, queue) = Route(row);
            var id = NextId();
            var body = new JsonObject { ["messageType"] = new JsonArray(messageType), ["message"] = Base(row, id) };
            Add(new BadCommand(Name(row, name), "unknown message type", row, exchange, key, body.ToJsonString(), BadCommandCorpus.Envelope, id, field,
                CorpusOutcome.FailedRow, queue));
        }

        public void Unreadable(CorpusRow row, string name, string body, string contentType = Json)
        {
            var (exchange, key, queue) = Route(row);
            Add(new BadCommand(Name(row, name), "unreadable", row, exchange, key, body, contentType, null, "", CorpusOutcome.ErrorQueue, queue));
        }

        public void Unroutable(string name, string exchange, string routingKey, string json, string field)
        {
            var id = NextId();
            var command = JsonNode.Parse(json)!.AsObject();
            command.Insert(0, "requestId", id);
            Add(new BadCommand($"unroutable: {name}", "unknown provider", RowOf(exchange), exchange, routingKey, command.ToJsonString(), Json, id, field,
                CorpusOutcome.FailedRow, "generation-unroutable"));
        }

        public void UnroutableUnreadable(string name, string exchange, string routingKey, string body) =>
            Add(new BadCommand($"unroutable: {name}", "unreadable", RowOf(exchange), exchange, routingKey, body, Json, null, "", CorpusOutcome.ErrorQueue,
                "generation-unroutable"));

        private void Mutated(CorpusRow row, string category, string name, string field, Action<JsonObject> change, bool envelope)
        {
            var (exchange, key, queue) = Route(row);
            var id = NextId();
            var command = Base(row, id);
            change(command);
            var body = envelope
                ? new JsonObject { ["messageType"] = new JsonArray(MessageUrn(row)), ["message"] = command }.ToJsonString()
                : command.ToJsonString();
            Add(new BadCommand(Name(row, name), category, row, exchange, key, body, envelope ? BadCommandCorpus.Envelope : Json, id, field,
                CorpusOutcome.FailedRow, queue));
        }

        private void Add(BadCommand command)
        {
            if (Cases.Any(c => c.Name == command.Name))
            {
                throw new InvalidOperationException($"Two corpus cases are named '{command.Name}'.");
            }

            Cases.Add(command);
        }

        private string NextId() => string.Create(CultureInfo.InvariantCulture, $"corpus-{Cases.Count:D3}");

        private static string Name(CorpusRow row, string name) => $"{row}: {name}";

        private static CorpusRow RowOf(string exchange) => exchange switch
        {
            "generate-image" => CorpusRow.UniAllImage,
            "generate-video" => CorpusRow.TopViewVideo,
            _ => CorpusRow.TopViewStoryboard,
        };
    }

    /// <summary>Reads back a case's body as the command object (for the base-validity check).</summary>
    public static JsonElement CommandOf(BadCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        using var document = JsonDocument.Parse(command.Body);
        return command.ContentType == Envelope ? document.RootElement.GetProperty("message").Clone() : document.RootElement.Clone();
    }
}
