using System.CommandLine;

namespace Workers.Cli;

/// <summary>The options every generation command has.</summary>
internal sealed class CommonOptions
{
    public Option<FileInfo?> Json { get; } = new("--json") { Description = "Start from this command JSON (the body a producer publishes); flags override it." };

    public Option<string?> Provider { get; } = new("--provider") { Description = "Provider; the fleet's default for the kind when omitted." };

    public Option<string?> Model { get; } = new("--model") { Description = "The provider's model id or display name." };

    public Option<string?> Account { get; } = new("--account") { Description = "Provider account configured in the fleet." };

    public Option<string?> RequestId { get; } = new("--request-id") { Description = "Idempotency key; a new one when omitted." };

    public Option<int> Timeout { get; } = new("--timeout-seconds") { Description = "How long to wait for the outcome.", DefaultValueFactory = _ => 600 };

    public Option<DirectoryInfo?> SaveTo { get; } = new("--save-to") { Description = "Copy the stored artifacts into this folder." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Json, Provider, Model, Account, RequestId, Timeout, SaveTo })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request id to use: the flag's, the file's, or a new one.</summary>
    public string RequestIdFrom(ParseResult parse, string? fromFile) =>
        parse.GetValue(RequestId) ?? (string.IsNullOrEmpty(fromFile) ? $"cli-{Guid.NewGuid():N}" : fromFile);

    public Task<int> RunAsync<TCommand>(ParseResult parse, TCommand message, CancellationToken ct)
        where TCommand : class, Contracts.IGenerationCommand =>
        GenerationRun.RunAsync(message, TimeSpan.FromSeconds(parse.GetValue(Timeout)), parse.GetValue(SaveTo), ct);
}
