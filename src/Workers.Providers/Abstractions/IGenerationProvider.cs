using Workers.Contracts;

namespace Workers.Providers.Abstractions;

/// <summary>One provider's adapter for one kind of generation: its rules, its submission and its prices.</summary>
public interface IGenerationProvider<in TCommand>
    where TCommand : class, IGenerationCommand
{
    /// <summary>The provider name (<see cref="ProviderNames"/>) that routes commands to this adapter.</summary>
    string Provider { get; }

    /// <summary>The account used when a command names none.</summary>
    string DefaultAccount { get; }

    /// <summary>Every rule the provider documents, checked before any HTTP call; empty when the command is valid.</summary>
    IReadOnlyList<string> Validate(TCommand command);

    /// <summary>Submits the paid task. Throws <see cref="ProviderCallException"/> saying whether it was accepted.</summary>
    Task<ProviderSubmission> SubmitAsync(TCommand command, string account, CancellationToken cancellationToken);

    /// <summary>How often a submission the provider refused for now (429, 503, no connection) is tried again.</summary>
    SubmitRetryOptions SubmitRetry { get; }

    /// <summary>The price of one delivered result, from the fleet's price table; null where the provider reports costs.</summary>
    CreditCost? EstimatePricePerResult(TCommand command);
}

/// <summary>What the provider answered to an accepted submission.</summary>
public sealed record ProviderSubmission(string TaskId);
