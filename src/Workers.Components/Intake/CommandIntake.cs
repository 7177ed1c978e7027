using System.Globalization;
using MassTransit;
using MassTransit.Configuration;
using MassTransit.Context;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Workers.Components.Topology;
using Workers.Contracts;

namespace Workers.Components.Intake;

/// <summary>
/// The door of the command queues: a command that is too large, that its contract type cannot be read from, or that is
/// of another message type is answered here as <see cref="GenerationFailed"/> (validation) when its request id can be
/// read, and goes to the queue's <c>_error</c> queue when it cannot.
/// </summary>
/// <remarks>
/// It runs in the consume pipe, before MassTransit hands the message to a consumer, and asks for the command itself: any
/// exception while reading it is a deserialization failure by construction, whatever its type (MassTransit's converters
/// throw more than <see cref="System.Text.Json.JsonException"/>).
/// <para>
/// An answered command is acknowledged, not parked in <c>_error</c>: it has been answered, its row keeps what it asked
/// for, and resending it changes nothing. An <c>_error</c> queue then holds only what nobody could answer, which is
/// what an operator has to look at.
/// </para>
/// </remarks>
public sealed partial class CommandIntake(ICommandRejections rejections, IOptions<FleetOptions> fleet, ILogger<CommandIntake> logger)
{
    /// <summary>Passes a readable command on to the consumers, or ends it here.</summary>
    /// <param name="context">The delivery.</param>
    /// <param name="next">The consumers.</param>
    /// <param name="queue">The endpoint's queue, for the log.</param>
    /// <param name="kind">The endpoint's kind; null to tell it from the exchange the command was published to (unroutable queue).</param>
    /// <param name="provider">The endpoint's provider; null to take the command's, or the routing key.</param>
    public async Task SendAsync(ConsumeContext context, IPipe<ConsumeContext> next, string queue, string? kind, string? provider)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        kind ??= CommandExchanges.KindOf(context);
        if (kind is null)
        {
            await next.Send(context).ConfigureAwait(false);
            return;
        }

        var type = CommandExchanges.TypeOf(kind);
        var body = context.ReceiveContext.Body;
        var size = body.Length ?? body.GetBytes().LongLength;
        var max = fleet.Value.MaxCommandBytes;
        Exception? unreadable = null;
        if (size <= max)
        {
            bool read;
            try
            {
                read = TryRead(context, kind);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                read = false;
                unreadable = ex;
            }

            if (read)
            {
                await next.Send(context).ConfigureAwait(false);
                return;
            }
        }

        using var command = CommandBody.Read(body.GetBytes(), context.ReceiveContext.ContentType?.MediaType);
        var problem = size > max
            ? TooLarge(type, command, size, max)
            : unreadable is not null
                ? TypeProblems(type, command, unreadable)
                : WrongMessageType(type, context);
        if (command.RequestId is null)
        {
            var reason = $"{problem} No answer is possible: {command.Unreadable}.";
            LogUnanswerable(queue, reason);
            throw new UnreadableCommandException($"{queue}: {reason}", unreadable);
        }

        var rejection = new CommandRejection
        {
            RequestId = command.RequestId,
            Kind = kind,
            Provider = provider ?? command.Text("provider") ?? CommandExchanges.RoutingKeyOf(context) ?? "",
            Model = command.Text("model"),
            Account = command.Text("account"),
            Tags = command.Tags(),
            RequestJson = size > max ? Summary(command, size) : CommandBody.Storable(command.Command),
            Message = problem,
        };
        await RejectAsync(context, rejection).ConfigureAwait(false);
        // Marks the message consumed, so MassTransit acknowledges it instead of moving it to _skipped.
        await context.NotifyConsumed(new MessageConsumeContext<CommandRejection>(context, rejection), context.ReceiveContext.ElapsedTime,
            nameof(CommandIntake)).ConfigureAwait(false);
    }

    /// <summary>
    /// The intake runs ahead of the endpoint's retry filter (which rides out database blips for the consumers), so it
    /// rides them out itself, with the same intervals.
    /// </summary>
    private async Task RejectAsync(ConsumeContext context, CommandRejection rejection)
    {
        TimeSpan[] intervals = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await rejections.RejectAsync(context, rejection).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException ex) when (ex.IsTransient && attempt < intervals.Length)
            {
                LogDatabaseRetry(ex, rejection.RequestId);
                await Task.Delay(intervals[attempt], context.CancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool TryRead(ConsumeContext context, string kind) => kind switch
    {
        GenerationKinds.Image => context.TryGetMessage<GenerateImage>(out _),
        GenerationKinds.Video => context.TryGetMessage<GenerateVideo>(out _),
        _ => context.TryGetMessage<GenerateStoryboard>(out _),
    };

    private static string TooLarge(Type type, CommandBody command, long size, int max)
    {
        var largest = command.Unreadable is null && CommandShape.LongestText(type, command.Command) is { } text
            ? string.Create(CultureInfo.InvariantCulture, $" Its largest field is {text.Field} ({text.Length} characters).")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"The command has {size} bytes; the fleet takes at most {max} (Fleet:MaxCommandBytes).{largest}");
    }

    private static string TypeProblems(Type type, CommandBody command, Exception failure)
    {
        if (command.Unreadable is null && CommandShape.TypeProblems(type, command.Command) is { Count: > 0 } problems)
        {
            return string.Join(" ", problems);
        }

        // The walk found nothing the contract cannot take; the deserializer's own words are all there is.
        var path = (failure as System.Text.Json.JsonException ?? failure.InnerException as System.Text.Json.JsonException)?.Path;
        var message = failure.Message.Split(" Path:")[0].TrimEnd('.');
        return $"{CommandShape.FieldOf(type, path)}: cannot be read as {type.Name} ({message}).";
    }

    private static string WrongMessageType(Type type, ConsumeContext context) =>
        $"MessageType {string.Join(", ", context.SupportedMessageTypes.Select(t => $"'{CommandRules.Shorten(t, 100)}'"))} is not {type.Name}: "
        + $"publish {type.Name} ({MessageUrn.ForTypeString(type)}) here, or plain JSON with content type application/json.";

    /// <summary>An oversized command is not kept whole: what identifies it, and its size.</summary>
    private static string Summary(CommandBody command, long size) =>
        CommandBody.Storable(System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, object?>
        {
            ["requestId"] = command.RequestId,
            ["provider"] = command.Text("provider"),
            ["model"] = command.Text("model"),
            ["bytes"] = size,
        }));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: the database is unavailable while refusing it; trying again")]
    private partial void LogDatabaseRetry(Exception exception, string requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A command on {Queue} cannot be answered and goes to the error queue: {Reason}")]
    private partial void LogUnanswerable(string queue, string reason);
}

/// <summary>Puts <see cref="CommandIntake"/> on an endpoint.</summary>
public static class CommandIntakeEndpointExtensions
{
    /// <summary>
    /// Adds the intake to the endpoint's consume pipe ahead of the message-type dispatch: a filter added with
    /// <c>UseFilter</c> would run per message type, after MassTransit has already tried (and failed) to read the command.
    /// </summary>
    public static void UseCommandIntake(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context, string queue, string? kind,
        string? provider)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        endpoint.AddPrePipeSpecification(new FilterPipeSpecification<ConsumeContext>(
            new CommandIntakeFilter(context.GetRequiredService<CommandIntake>(), queue, kind, provider)));
    }
}

/// <summary>Runs <see cref="CommandIntake"/> on one endpoint.</summary>
public sealed class CommandIntakeFilter(CommandIntake intake, string queue, string? kind, string? provider) : IFilter<ConsumeContext>
{
    public Task Send(ConsumeContext context, IPipe<ConsumeContext> next) => intake.SendAsync(context, next, queue, kind, provider);

    public void Probe(ProbeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CreateFilterScope("commandIntake");
    }
}

/// <summary>A command that could not be read and has no readable request id to answer under; it goes to the error queue.</summary>
public sealed class UnreadableCommandException : Exception
{
    public UnreadableCommandException()
    {
    }

    public UnreadableCommandException(string message)
        : base(message)
    {
    }

    public UnreadableCommandException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>Which command a delivery is, told from the exchange it was published to, or from its envelope's message type.</summary>
public static class CommandExchanges
{
    private static readonly (string Exchange, string Kind, Type Type)[] Commands =
    [
        (GenerationTopology.GenerateImageExchange, GenerationKinds.Image, typeof(GenerateImage)),
        (GenerationTopology.GenerateVideoExchange, GenerationKinds.Video, typeof(GenerateVideo)),
        (GenerationTopology.GenerateStoryboardExchange, GenerationKinds.Storyboard, typeof(GenerateStoryboard)),
    ];

    /// <summary>The command type of a kind.</summary>
    public static Type TypeOf(string kind) => Commands.First(c => c.Kind == kind).Type;

    /// <summary>The kind of command a delivery carries; null when neither its exchange nor its message type says.</summary>
    public static string? KindOf(ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ReceiveContext.TryGetPayload(out RabbitMqBasicConsumeContext? delivery)
            && Commands.FirstOrDefault(c => c.Exchange == delivery.Exchange) is { Kind: { } byExchange })
        {
            return byExchange;
        }

        var types = context.SupportedMessageTypes.ToList();
        return Commands.FirstOrDefault(c => types.Contains(MessageUrn.ForTypeString(c.Type), StringComparer.OrdinalIgnoreCase)).Kind;
    }

    /// <summary>The routing key the command was published with (the provider's name), when the transport says.</summary>
    public static string? RoutingKeyOf(ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReceiveContext.TryGetPayload(out RabbitMqBasicConsumeContext? delivery) && delivery.RoutingKey is { Length: > 0 } key
            ? key
            : null;
    }
}
