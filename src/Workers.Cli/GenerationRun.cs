using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workers.Contracts;
using Workers.Persistence;
using Workers.Persistence.Artifacts;

namespace Workers.Cli;

/// <summary>Publishes one command, follows it to its outcome, prints artifacts and cost, optionally saves the bytes.</summary>
internal static class GenerationRun
{
    /// <summary>Exit codes: 0 completed, 1 failed, 2 no outcome in time.</summary>
    public static async Task<int> RunAsync<TCommand>(TCommand message, TimeSpan timeout, DirectoryInfo? saveTo, CancellationToken ct)
        where TCommand : class, IGenerationCommand
    {
        var output = Console.Out;
        await using var watcher = await GenerationWatcher.StartAsync(message.RequestId, output, ct).ConfigureAwait(false);
        await watcher.Publisher.Publish(message, ct).ConfigureAwait(false);
        await output.WriteLineAsync($"published {typeof(TCommand).Name} {message.RequestId} ({message.Provider ?? "default provider"}, {message.Model})")
            .ConfigureAwait(false);

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
                await PrintAsync(completed, output).ConfigureAwait(false);
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

    /// <summary>Reads a command from a JSON file (the same camelCase JSON a producer publishes), or a new one.</summary>
    public static TCommand Load<TCommand>(FileInfo? file)
        where TCommand : class, new()
    {
        if (file is null)
        {
            return new TCommand();
        }

        using var stream = file.OpenRead();
        return JsonSerializer.Deserialize<TCommand>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"{file.FullName} holds no command");
    }

    private static async Task PrintAsync(GenerationCompleted completed, TextWriter output)
    {
        await output.WriteLineAsync($"completed in {completed.Timings.CompletedAt - completed.Timings.AcceptedAt:g} after {completed.Timings.PollCount} polls")
            .ConfigureAwait(false);
        foreach (var a in completed.Artifacts)
        {
            var size = a.Width is null ? "" : $" {a.Width}x{a.Height}";
            var duration = a.DurationSeconds is null ? "" : $" {a.DurationSeconds} s";
            var name = a.Name is null ? "" : $" '{a.Name}'";
            await output.WriteLineAsync($"artifact {a.Index} ({a.Role}{name}): {a.Location} {a.ContentType}{size}{duration} {a.SizeBytes} bytes sha256 {a.Sha256}")
                .ConfigureAwait(false);
        }

        foreach (var f in completed.PartialFailures ?? [])
        {
            await output.WriteLineAsync($"item {f.Index} ({f.Role}) failed: {f.Message}").ConfigureAwait(false);
        }

        await output.WriteLineAsync(completed.Cost is { } cost ? $"cost: {cost.Amount} {cost.Unit} ({cost.Source})" : "cost: unknown").ConfigureAwait(false);
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
