using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.Logging;
using Workers.Components.Outcomes;
using Workers.Contracts;
using Workers.Persistence.Generations;

namespace Workers.Components.Intake;

/// <summary>A command refused before any provider was involved, as it will be recorded and answered.</summary>
public sealed record CommandRejection
{
    public required string RequestId { get; init; }

    /// <summary><see cref="GenerationKinds"/>.</summary>
    public required string Kind { get; init; }

    /// <summary>The provider the command was for, as far as it can be told (may name one nobody serves, or be empty).</summary>
    public required string Provider { get; init; }

    public string? Model { get; init; }

    public string? Account { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>What is kept of the command in the row's <c>request</c> column (jsonb).</summary>
    public required string RequestJson { get; init; }

    /// <summary>Every broken rule, naming the command's fields.</summary>
    public required string Message { get; init; }

    /// <summary>A rejection of a command that was read.</summary>
    public static CommandRejection Of<TCommand>(TCommand command, string kind, string provider, string message)
        where TCommand : class, IGenerationCommand
    {
        ArgumentNullException.ThrowIfNull(command);
        return new CommandRejection
        {
            // Null when the JSON said so: the contract's default does not survive an explicit null.
            RequestId = command.RequestId ?? "",
            Kind = kind,
            Provider = provider,
            Model = command.Model,
            Account = command.Account,
            Tags = command.Tags,
            RequestJson = CommandBody.Storable(JsonSerializer.SerializeToElement(command, JsonSerializerOptions.Web)),
            Message = message,
        };
    }
}

/// <summary>Ends a command that no provider will see as <see cref="GenerationFailed"/> with code validation.</summary>
public interface ICommandRejections
{
    /// <summary>
    /// Records the request as failed (so that the same id sent again gets the same outcome) and publishes its outcome.
    /// A request id that cannot key a row is answered without one.
    /// </summary>
    Task RejectAsync(ConsumeContext context, CommandRejection rejection);
}

/// <summary>Rejections recorded in the <c>generations</c> table.</summary>
public sealed partial class CommandRejections(GenerationStore store, ILogger<CommandRejections> logger) : ICommandRejections
{
    public async Task RejectAsync(ConsumeContext context, CommandRejection rejection)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(rejection);
        var ct = context.CancellationToken;
        var tags = CommandRules.KeepableTags(rejection.Tags);
        if (CommandRules.RequestIdProblem(rejection.RequestId) is { } idProblem)
        {
            // No row can be keyed by this id; the producer still hears why, under the id it sent.
            LogRejected(rejection.RequestId.Length > 100 ? rejection.RequestId[..100] : rejection.RequestId, idProblem);
            await context.Publish(new GenerationFailed
            {
                RequestId = rejection.RequestId,
                Kind = rejection.Kind,
                Provider = rejection.Provider,
                Model = rejection.Model,
                Code = GenerationErrorCodes.Validation,
                Message = $"{idProblem} {rejection.Message}".TrimEnd(),
                Tags = tags,
            }, ct).ConfigureAwait(false);
            return;
        }

        LogRejected(rejection.RequestId, rejection.Message);
        await store.TryInsertAsync(new NewGeneration
        {
            RequestId = rejection.RequestId,
            Kind = rejection.Kind,
            Provider = CommandRules.Storable(rejection.Provider),
            Model = CommandRules.Storable(rejection.Model),
            Account = CommandRules.Storable(rejection.Account),
            RequestJson = rejection.RequestJson,
            Tags = tags,
            Rejection = new GenerationError(GenerationErrorCodes.Validation, CommandRules.Storable(rejection.Message)),
        }, ct).ConfigureAwait(false);
        var row = await store.FindAsync(rejection.RequestId, ct).ConfigureAwait(false);
        if (row is { IsTerminal: true })
        {
            // Ours, or the outcome of an earlier command with this id: either way, the request's outcome is said again.
            await context.PublishFinal(row).ConfigureAwait(false);
        }
        else
        {
            // The id belongs to a request already under way (possibly paid for); a bad copy of it changes nothing.
            LogInFlight(rejection.RequestId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} refused: {Reason}")]
    private partial void LogRejected(string requestId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: a refused copy arrived while the request is under way; it is ignored")]
    private partial void LogInFlight(string requestId);
}
