using Workers.Contracts;

namespace Workers.Providers.Abstractions;

/// <summary>One provider's adapter for one kind of generation: its rules, its preparation, its submission and its prices.</summary>
public interface IGenerationProvider<in TCommand>
    where TCommand : class, IGenerationCommand
{
    /// <summary>The provider name (<see cref="ProviderNames"/>) that routes commands to this adapter.</summary>
    string Provider { get; }

    /// <summary>The account used when a command names none.</summary>
    string DefaultAccount { get; }

    /// <summary>How often a submission the provider refused for now (429, 503, no connection) is tried again.</summary>
    SubmitRetryOptions SubmitRetry { get; }

    /// <summary>Every rule the provider documents, checked before any HTTP call; empty when the command is valid.</summary>
    IReadOnlyList<string> Validate(TCommand command);

    /// <summary>
    /// Work that must come before the paid call and costs nothing (uploading reference images for the provider's file
    /// ids). It may run again after a crash or a refusal: each finished step is kept in <paramref name="prepared"/>
    /// and skipped the next time. Throws <see cref="ProviderCallException"/> (transient: retried later; rejected: the request fails).
    /// </summary>
    Task PrepareAsync(TCommand command, string account, IPreparedInputs prepared, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Submits the paid task. Throws <see cref="ProviderCallException"/> saying whether it was accepted.</summary>
    Task<ProviderSubmission> SubmitAsync(TCommand command, SubmitContext context, CancellationToken cancellationToken);

    /// <summary>Whether <see cref="FindSubmittedAsync"/> can tell if a submission of unknown outcome was accepted.</summary>
    bool CanReconcile => false;

    /// <summary>
    /// After a submission whose outcome is unknown (a crash or a dropped connection mid-call), asks the provider which of
    /// its tasks, created since <paramref name="attemptStartedAt"/>, could be it. Only providers that can list their tasks
    /// answer anything but <see cref="Reconciliation.Unknown"/>.
    /// </summary>
    Task<Reconciliation> FindSubmittedAsync(TCommand command, SubmitContext context, DateTimeOffset attemptStartedAt,
        CancellationToken cancellationToken) => Task.FromResult(Reconciliation.Unknown);

    /// <summary>The price of one delivered result, from the fleet's price table; null where the provider reports costs.</summary>
    CreditCost? EstimatePricePerResult(TCommand command);
}
