using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Workers.Contracts;
using Workers.Persistence;
using Workers.Persistence.Artifacts;

namespace Workers.Cli;

/// <summary><c>workers image</c>: publish a <see cref="GenerateImage"/> and follow it to its end.</summary>
internal static class ImageCommand
{
    public static Command Create()
    {
        var prompt = new Option<string>("--prompt") { Description = "What to draw.", Required = true };
        var model = new Option<string>("--model") { Description = "gpt-image-2 or a NanoBanana model.", DefaultValueFactory = _ => "gpt-image-2" };
        var size = new Option<string?>("--size") { Description = "gpt-image-2 size, e.g. 1024x1024." };
        var aspect = new Option<string?>("--aspect-ratio") { Description = "NanoBanana aspect ratio, e.g. 16:9." };
        var count = new Option<int?>("--count") { Description = "Number of images." };
        var format = new Option<string?>("--format") { Description = "png, jpeg or webp." };
        var provider = new Option<string?>("--provider") { Description = "Provider; the fleet's default when omitted." };
        var requestId = new Option<string?>("--request-id") { Description = "Idempotency key; a new one when omitted." };
        var timeout = new Option<int>("--timeout-seconds") { Description = "How long to wait for the outcome.", DefaultValueFactory = _ => 300 };
        var saveTo = new Option<DirectoryInfo?>("--save-to") { Description = "Copy the stored artifacts into this folder." };
        var command = new Command("image", "Generate images and wait for the outcome.")
        {
            prompt, model, size, aspect, count, format, provider, requestId, timeout, saveTo,
        };
        command.SetAction(async (parse, ct) =>
        {
            var message = new GenerateImage
            {
                RequestId = parse.GetValue(requestId) ?? $"cli-{Guid.NewGuid():N}",
                Provider = parse.GetValue(provider),
                Model = parse.GetValue(model),
                Prompt = parse.GetValue(prompt),
                Size = parse.GetValue(size),
                AspectRatio = parse.GetValue(aspect),
                Count = parse.GetValue(count),
                OutputFormat = parse.GetValue(format),
            };
            return await RunAsync(message, TimeSpan.FromSeconds(parse.GetValue(timeout)), parse.GetValue(saveTo), ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(GenerateImage message, TimeSpan timeout, DirectoryInfo? saveTo, CancellationToken ct)
    {
        var output = Console.Out;
        await using var watcher = await GenerationWatcher.StartAsync(message.RequestId, output, ct).ConfigureAwait(false);
        await watcher.Publisher.Publish(message, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"published GenerateImage {message.RequestId} ({message.Model}: \"{message.Prompt}\")").ConfigureAwait(false);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        object outcome;
        try
        {
            outcome = await watcher.Outcome.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"no outcome for {message.RequestId} within {timeout}").ConfigureAwait(false);
            return 2;
        }

        switch (outcome)
        {
            case GenerationCompleted completed:
                await output.WriteLineAsync($"completed in {completed.Timings.CompletedAt - completed.Timings.AcceptedAt:g} after {completed.Timings.PollCount} polls").ConfigureAwait(false);
                foreach (var artifact in completed.Artifacts)
                {
                    await output.WriteLineAsync($"artifact {artifact.Index}: {artifact.Location} {artifact.ContentType} {artifact.Width}x{artifact.Height} {artifact.SizeBytes} bytes sha256 {artifact.Sha256}").ConfigureAwait(false);
                }

                await output.WriteLineAsync(completed.Cost is { } cost ? $"cost: {cost.Amount} {cost.Unit} ({cost.Source})" : "cost: unknown").ConfigureAwait(false);
                if (saveTo is not null)
                {
                    await SaveAsync(completed, saveTo, output, ct).ConfigureAwait(false);
                }

                return 0;
            case GenerationFailed failed:
                await Console.Error.WriteLineAsync($"failed: {failed.Code}: {failed.Message} (provider code {failed.ProviderCode ?? "none"})").ConfigureAwait(false);
                return 1;
            default:
                return 1;
        }
    }

    private static async Task SaveAsync(GenerationCompleted completed, DirectoryInfo folder, TextWriter output, CancellationToken ct)
    {
        await using var services = new ServiceCollection()
            .AddPersistence(o => o.ConnectionString = CliSettings.PostgresConnectionString)
            .BuildServiceProvider();
        var store = services.GetRequiredService<IArtifactStore>();
        folder.Create();
        foreach (var artifact in completed.Artifacts)
        {
            var extension = artifact.ContentType.Split('/').Last().Replace("jpeg", "jpg", StringComparison.Ordinal);
            var path = Path.Combine(folder.FullName, $"{completed.RequestId}-{artifact.Index}.{extension}");
            await using var source = await store.OpenReadAsync(artifact.Sha256, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"artifact {artifact.Sha256} is not in the store");
            await using var file = File.Create(path);
            await source.CopyToAsync(file, ct).ConfigureAwait(false);
            await output.WriteLineAsync($"saved {path}").ConfigureAwait(false);
        }
    }
}
