using System.CommandLine;
using Workers.Contracts;

namespace Workers.Cli;

/// <summary><c>workers storyboard</c>: publish a <see cref="GenerateStoryboard"/> (TopView grid, Depicta story).</summary>
internal static class StoryboardCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var story = new Option<string?>("--story") { Description = "TopView: the story (Depicta: the overall prompt)." };
        var resolution = new Option<string?>("--resolution") { Description = "512p, 1K, 2K, 4K as the model allows." };
        var aspect = new Option<string?>("--aspect-ratio") { Description = "e.g. 16:9." };
        var gridMode = new Option<string?>("--grid-mode") { Description = "TopView: auto, preset or custom." };
        var gridSize = new Option<int?>("--grid-size") { Description = "TopView: panels (preset 4/9/25, custom 2-25)." };
        var references = new Option<string[]>("--reference") { Description = "TopView: reference image URL (repeatable)." };
        var characters = new Option<string[]>("--character") { Description = "Depicta: \"Name=appearance\" (repeatable)." };
        var scenes = new Option<string[]>("--scene") { Description = "Depicta: a scene prompt (repeatable, 2-10)." };
        var style = new Option<string?>("--style") { Description = "Depicta: visual style." };
        var command = new Command("storyboard", "Generate a storyboard (TopView) or a multi-scene story (Depicta) and wait for the outcome.")
        {
            story, resolution, aspect, gridMode, gridSize, references, characters, scenes, style,
        };
        common.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var loaded = GenerationRun.Load<GenerateStoryboard>(parse.GetValue(common.Json));
            var message = loaded with
            {
                RequestId = common.RequestIdFrom(parse, loaded.RequestId),
                Provider = parse.GetValue(common.Provider) ?? loaded.Provider,
                Model = parse.GetValue(common.Model) ?? loaded.Model,
                Account = parse.GetValue(common.Account) ?? loaded.Account,
                Story = parse.GetValue(story) ?? loaded.Story,
                Resolution = parse.GetValue(resolution) ?? loaded.Resolution,
                AspectRatio = parse.GetValue(aspect) ?? loaded.AspectRatio,
                GridMode = parse.GetValue(gridMode) ?? loaded.GridMode,
                GridSize = parse.GetValue(gridSize) ?? loaded.GridSize,
                ReferenceImageUrls = parse.GetValue(references) is { Length: > 0 } urls ? urls : loaded.ReferenceImageUrls,
                Characters = parse.GetValue(characters) is { Length: > 0 } given ? [.. given.Select(Character)] : loaded.Characters,
                Scenes = parse.GetValue(scenes) is { Length: > 0 } prompts ? [.. prompts.Select(p => new StoryScene { Prompt = p })] : loaded.Scenes,
                Style = parse.GetValue(style) ?? loaded.Style,
            };
            return common.RunAsync(parse, message, ct);
        });
        return command;
    }

    private static StoryCharacter Character(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals > 0
            ? new StoryCharacter { Name = text[..equals].Trim(), Appearance = text[(equals + 1)..].Trim() }
            : new StoryCharacter { Name = text.Trim() };
    }
}
