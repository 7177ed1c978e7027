using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>The <c>createTask</c> rules of seed 001, checked in a fixed order so each bad request gets one clear code-422 message.</summary>
internal static class ApikleyValidator
{
    public const string Model = "sora-2-pro-storyboard";
    public const string Landscape = "landscape";
    public const string Portrait = "portrait";
    public const string DefaultFrames = "15";
    public const int MaxShots = 10;
    public const double MinShotSeconds = 0.1;
    public const double MaxShotSeconds = 15;

    /// <summary>The <c>n_frames</c> enum of the seed: strings, not numbers.</summary>
    public static IReadOnlyList<string> FrameCounts { get; } = ["10", "15", "25"];

    // Durations are decimal numbers in JSON; sums such as 7.4 + 7.6 must compare equal to 15.
    private const double Tolerance = 1e-9;

    public static (ApikleyOrder? Order, ApikleyError? Error) Validate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Fail("The request body must be a JSON object.");
        }

        if (!TryString(root, "model", out var model) || model is null)
        {
            return Fail("model is required and must be a non-empty string.");
        }

        if (model != Model)
        {
            return Fail($"model '{model}' is not supported by this endpoint; it must be '{Model}'.");
        }

        Uri? callBackUrl = null;
        if (root.TryGetProperty("callBackUrl", out var callBack) && callBack.ValueKind != JsonValueKind.Null)
        {
            if (callBack.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(callBack.GetString(), UriKind.Absolute, out callBackUrl)
                || (callBackUrl.Scheme != Uri.UriSchemeHttp && callBackUrl.Scheme != Uri.UriSchemeHttps))
            {
                return Fail("callBackUrl must be an absolute http(s) URL.");
            }
        }

        if (!root.TryGetProperty("input", out var input) || input.ValueKind == JsonValueKind.Null)
        {
            return Fail("input is required.");
        }

        if (input.ValueKind != JsonValueKind.Object)
        {
            return Fail("input must be an object.");
        }

        var (shots, shotError) = ReadShots(input);
        if (shotError is not null)
        {
            return Fail(shotError);
        }

        if (!TryString(input, "n_frames", out var frames))
        {
            return Fail($"input.n_frames must be a string, one of {Quoted(FrameCounts)}.");
        }

        frames ??= DefaultFrames;
        if (!FrameCounts.Contains(frames, StringComparer.Ordinal))
        {
            return Fail($"input.n_frames must be one of {Quoted(FrameCounts)} (was '{frames}').");
        }

        var total = shots!.Sum(shot => shot.Duration);
        var limit = double.Parse(frames, CultureInfo.InvariantCulture);
        if (total > limit + Tolerance)
        {
            return Fail(string.Create(
                CultureInfo.InvariantCulture,
                $"The total duration of input.shots ({total:0.###} s) exceeds n_frames ({frames} s)."));
        }

        var (imageUrl, imageError) = ReadImageUrl(input);
        if (imageError is not null)
        {
            return Fail(imageError);
        }

        if (!TryString(input, "aspect_ratio", out var ratio))
        {
            return Fail($"input.aspect_ratio must be '{Portrait}' or '{Landscape}'.");
        }

        ratio ??= Landscape;
        if (ratio is not (Portrait or Landscape))
        {
            return Fail($"input.aspect_ratio must be '{Portrait}' or '{Landscape}' (was '{ratio}').");
        }

        var param = JsonNode.Parse(root.GetRawText())!.ToJsonString();
        return (new ApikleyOrder(shots!, frames, ratio, imageUrl, callBackUrl, param), null);
    }

    private static (IReadOnlyList<ApikleyShot>? Shots, string? Error) ReadShots(JsonElement input)
    {
        if (!input.TryGetProperty("shots", out var shots) || shots.ValueKind == JsonValueKind.Null)
        {
            return (null, "input.shots is required.");
        }

        if (shots.ValueKind != JsonValueKind.Array)
        {
            return (null, "input.shots must be an array.");
        }

        var count = shots.GetArrayLength();
        if (count is < 1 or > MaxShots)
        {
            return (null, $"input.shots must have 1 to {MaxShots} items (had {count}).");
        }

        var result = new List<ApikleyShot>(count);
        var index = 0;
        foreach (var shot in shots.EnumerateArray())
        {
            var at = $"input.shots[{index++}]";
            if (shot.ValueKind != JsonValueKind.Object)
            {
                return (null, $"{at} must be an object with Scene and duration.");
            }

            // The seed spells it with a capital S; "scene" is not the same field.
            if (!TryString(shot, "Scene", out var scene) || scene is null)
            {
                return (null, $"{at}.Scene is required and must be a non-empty string.");
            }

            if (!shot.TryGetProperty("duration", out var duration) || duration.ValueKind != JsonValueKind.Number)
            {
                return (null, $"{at}.duration is required and must be a number.");
            }

            var seconds = duration.GetDouble();
            if (seconds is < MinShotSeconds or > MaxShotSeconds)
            {
                return (null, string.Create(
                    CultureInfo.InvariantCulture,
                    $"{at}.duration must be between {MinShotSeconds} and {MaxShotSeconds} seconds (was {seconds})."));
            }

            result.Add(new ApikleyShot(scene, seconds));
        }

        return (result, null);
    }

    private static (string? Url, string? Error) ReadImageUrl(JsonElement input)
    {
        if (!input.TryGetProperty("image_urls", out var urls) || urls.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (urls.ValueKind != JsonValueKind.Array || urls.GetArrayLength() != 1)
        {
            return (null, "input.image_urls must be an array of exactly 1 image URL.");
        }

        var url = urls[0];
        if (url.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(url.GetString(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return (null, "input.image_urls[0] must be an absolute http(s) URL.");
        }

        return (url.GetString(), null);
    }

    /// <summary>False when the member is present but not a string; a missing, null or blank member reads as null.</summary>
    private static bool TryString(JsonElement owner, string name, out string? value)
    {
        value = null;
        if (!owner.TryGetProperty(name, out var member) || member.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (member.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        value = string.IsNullOrWhiteSpace(member.GetString()) ? null : member.GetString();
        return true;
    }

    private static string Quoted(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));

    private static (ApikleyOrder?, ApikleyError?) Fail(string msg) => (null, ApikleyError.Validation(msg));
}
