using System.CommandLine;
using System.Globalization;
using Workers.Contracts;

namespace Workers.Cli;

/// <summary><c>workers video</c>: publish a <see cref="GenerateVideo"/> (TopView image-to-video, Apikley Sora storyboard).</summary>
internal static class VideoCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var prompt = new Option<string?>("--prompt") { Description = "TopView: what should happen." };
        var firstFrame = new Option<string?>("--first-frame") { Description = "URL of the first frame (Apikley: the one input image)." };
        var endFrame = new Option<string?>("--end-frame") { Description = "TopView: URL of the end frame." };
        var references = new Option<string[]>("--reference") { Description = "TopView: reference image URL (repeatable, at least 2)." };
        var aspect = new Option<string?>("--aspect-ratio") { Description = "e.g. 16:9 (Apikley: 16:9 landscape, 9:16 portrait)." };
        var resolution = new Option<int?>("--resolution") { Description = "TopView: 480, 720, 1080 … as the model allows." };
        var duration = new Option<int?>("--duration") { Description = "Seconds (Apikley: 10, 15 or 25)." };
        var sound = new Option<bool?>("--sound") { Description = "TopView: generate sound where the model can." };
        var count = new Option<int?>("--count") { Description = "TopView: number of videos, 1-4." };
        var shots = new Option<string[]>("--shot") { Description = "Apikley: a shot as \"SECONDS:scene text\" (repeatable)." };
        var command = new Command("video", "Generate videos and wait for the outcome.")
        {
            prompt, firstFrame, endFrame, references, aspect, resolution, duration, sound, count, shots,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var loaded = GenerationRun.Load<GenerateVideo>(parse.GetValue(common.Json));
            var message = loaded with
            {
                RequestId = common.RequestIdFrom(parse, loaded.RequestId),
                Provider = parse.GetValue(common.Provider) ?? loaded.Provider,
                Model = parse.GetValue(common.Model) ?? loaded.Model,
                Account = parse.GetValue(common.Account) ?? loaded.Account,
                Prompt = parse.GetValue(prompt) ?? loaded.Prompt,
                FirstFrameUrl = parse.GetValue(firstFrame) ?? loaded.FirstFrameUrl,
                EndFrameUrl = parse.GetValue(endFrame) ?? loaded.EndFrameUrl,
                ReferenceImageUrls = parse.GetValue(references) is { Length: > 0 } urls ? urls : loaded.ReferenceImageUrls,
                AspectRatio = parse.GetValue(aspect) ?? loaded.AspectRatio,
                Resolution = parse.GetValue(resolution) ?? loaded.Resolution,
                DurationSeconds = parse.GetValue(duration) ?? loaded.DurationSeconds,
                Sound = parse.GetValue(sound) ?? loaded.Sound,
                Count = parse.GetValue(count) ?? loaded.Count,
                Shots = parse.GetValue(shots) is { Length: > 0 } given ? [.. given.Select(Shot)] : loaded.Shots,
            };
            return common.RunAsync(parse, message, ct);
        });
        return command;
    }

    private static VideoShot Shot(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && decimal.TryParse(text[..colon], NumberStyles.Number, CultureInfo.InvariantCulture, out var seconds)
            ? new VideoShot { DurationSeconds = seconds, Prompt = text[(colon + 1)..].Trim() }
            : new VideoShot { Prompt = text };
    }
}
