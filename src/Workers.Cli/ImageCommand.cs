using System.CommandLine;
using Workers.Contracts;

namespace Workers.Cli;

/// <summary><c>workers image</c>: publish a <see cref="GenerateImage"/> (UniAll) and follow it to its end.</summary>
internal static class ImageCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var prompt = new Option<string?>("--prompt") { Description = "What to draw." };
        var size = new Option<string?>("--size") { Description = "gpt-image-2 size, e.g. 1024x1024." };
        var aspect = new Option<string?>("--aspect-ratio") { Description = "NanoBanana aspect ratio, e.g. 16:9." };
        var count = new Option<int?>("--count") { Description = "Number of images." };
        var format = new Option<string?>("--format") { Description = "png, jpeg or webp." };
        var references = new Option<string[]>("--reference") { Description = "Reference image URL (repeatable)." };
        var command = new Command("image", "Generate images (UniAll) and wait for the outcome.") { prompt, size, aspect, count, format, references };
        common.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var loaded = GenerationRun.Load<GenerateImage>(parse.GetValue(common.Json));
            var message = loaded with
            {
                RequestId = common.RequestIdFrom(parse, loaded.RequestId),
                Provider = parse.GetValue(common.Provider) ?? loaded.Provider,
                Model = parse.GetValue(common.Model) ?? loaded.Model ?? "gpt-image-2",
                Account = parse.GetValue(common.Account) ?? loaded.Account,
                Prompt = parse.GetValue(prompt) ?? loaded.Prompt,
                Size = parse.GetValue(size) ?? loaded.Size,
                AspectRatio = parse.GetValue(aspect) ?? loaded.AspectRatio,
                Count = parse.GetValue(count) ?? loaded.Count,
                OutputFormat = parse.GetValue(format) ?? loaded.OutputFormat,
                ReferenceImageUrls = parse.GetValue(references) is { Length: > 0 } urls ? urls : loaded.ReferenceImageUrls,
            };
            return common.RunAsync(parse, message, ct);
        });
        return command;
    }
}
