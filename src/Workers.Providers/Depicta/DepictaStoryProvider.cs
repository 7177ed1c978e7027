using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.Depicta;

/// <summary>Depicta's adapter for <see cref="GenerateStoryboard"/>: one multi-scene story job, one image per scene.</summary>
public sealed class DepictaStoryProvider(DepictaClient client, IOptionsMonitor<DepictaOptions> options, PublicAddressGuard guard)
    : IGenerationProvider<GenerateStoryboard>
{
    public string Provider => ProviderNames.Depicta;

    public string DefaultAccount => options.CurrentValue.DefaultAccount;

    public SubmitRetryOptions SubmitRetry => options.CurrentValue.SubmitRetry;

    /// <summary>Depicta lists the key's recent jobs, so a submission of unknown outcome can be looked for.</summary>
    public bool CanReconcile => true;

    public IReadOnlyList<string> Validate(GenerateStoryboard command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var settings = options.CurrentValue;
        var errors = DepictaStoryRules.Validate(command, settings).ToList();
        if (command.Account is { } account && !settings.Accounts.ContainsKey(account))
        {
            errors.Add($"Account '{account}' is not configured for depicta.");
        }

        return errors;
    }

    /// <summary>Depicta fetches every reference itself: each must resolve to public addresses only, checked before the paid call.</summary>
    public async Task PrepareAsync(GenerateStoryboard command, string account, IPreparedInputs prepared, CancellationToken cancellationToken)
    {
        foreach (var (field, url) in DepictaStoryRules.ReferenceUrls(command))
        {
            await guard.CheckReferenceAsync(field, url, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ProviderSubmission> SubmitAsync(GenerateStoryboard command, SubmitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var key = options.CurrentValue.KeyFor(context.Account);
        var answer = await client.SubmitStoryAsync(ToRequest(command), key, context.RequestId, cancellationToken).ConfigureAwait(false);
        return new ProviderSubmission(answer.JobId!, answer.PollUrl is { Length: > 0 } url
            ? new Dictionary<string, string> { [DepictaPollUrl.DetailKey] = url }
            : null);
    }

    public async Task<Reconciliation> FindSubmittedAsync(GenerateStoryboard command, SubmitContext context, DateTimeOffset attemptStartedAt,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var settings = options.CurrentValue;
        var jobs = await client.ListJobsAsync(settings.ReconcileLimit, settings.KeyFor(context.Account), cancellationToken).ConfigureAwait(false);
        return DepictaReconciliation.From(jobs, command, attemptStartedAt, settings.ReconcileLimit,
            TimeSpan.FromSeconds(settings.ReconcileWindowSeconds));
    }

    /// <summary>Depicta reports each job's <c>cost_eur</c>; the fleet does not estimate it.</summary>
    public CreditCost? EstimatePricePerResult(GenerateStoryboard command) => null;

    /// <summary>The wire request, field by field (a validated command: <see cref="DepictaStoryRules"/>).</summary>
    public static DepictaStoryRequest ToRequest(GenerateStoryboard command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return new DepictaStoryRequest
        {
            Model = command.Model!,
            Prompt = command.Story,
            Style = command.Style,
            Setting = command.Setting,
            AspectRatio = command.AspectRatio,
            ImageSize = command.Resolution,
            RawPrompts = command.RawPrompts,
            Strictness = command.Strictness,
            Characters = [.. (command.Characters ?? []).Select(c => new DepictaCharacter
            {
                Name = c.Name!,
                Appearance = c.Appearance,
                ReferenceUrl = c.ReferenceImageUrl,
                States = c.States?.ToDictionary(
                    s => s.Key,
                    s => new DepictaCharacterState { Appearance = s.Value.Appearance, ReferenceUrl = s.Value.ReferenceImageUrl },
                    StringComparer.Ordinal),
            })],
            Scenes = [.. (command.Scenes ?? []).Select(s => new DepictaScene
            {
                Prompt = s.Prompt,
                AspectRatio = s.AspectRatio,
                Characters = s.Characters?.Select(c => new DepictaSceneCharacter { Name = c.Name!, State = c.State }).ToList(),
                Location = s.Location,
            })],
            Locations = command.Locations?.Select(l => new DepictaLocation
            {
                Name = l.Name!,
                Description = l.Description,
                ReferenceUrl = l.ReferenceImageUrl,
            }).ToList(),
            ReferenceImages = command.ReferenceImages?.Select(r => new DepictaReferenceImage { Url = r.Url!, Description = r.Description! }).ToList(),
        };
    }
}
