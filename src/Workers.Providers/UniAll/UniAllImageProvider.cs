using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Http;

namespace Workers.Providers.UniAll;

/// <summary>UniAll's adapter for <see cref="GenerateImage"/>.</summary>
public sealed class UniAllImageProvider(
    UniAllClient client,
    IOptionsMonitor<UniAllOptions> options,
    IOptionsMonitor<ReferenceUrlOptions> urls,
    PublicAddressGuard guard) : IGenerationProvider<GenerateImage>
{
    public string Provider => ProviderNames.UniAll;

    public string DefaultAccount => options.CurrentValue.DefaultAccount;

    public SubmitRetryOptions SubmitRetry => options.CurrentValue.SubmitRetry;

    public IReadOnlyList<string> Validate(GenerateImage command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var settings = options.CurrentValue;
        var errors = UniAllImageRules.Validate(command, urls.CurrentValue, settings.MaxPromptLength).ToList();
        if (command.Account is { } account && !settings.Accounts.ContainsKey(account))
        {
            errors.Add($"Account '{account}' is not configured for uniall.");
        }

        return errors;
    }

    /// <summary>UniAll fetches the references itself: each must resolve to public addresses only, checked before the paid call.</summary>
    public async Task PrepareAsync(GenerateImage command, string account, IPreparedInputs prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var references = command.ReferenceImageUrls ?? [];
        for (var i = 0; i < references.Count; i++)
        {
            await guard.CheckReferenceAsync($"ReferenceImageUrls[{i}]", references[i], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<ProviderSubmission> SubmitAsync(GenerateImage command, SubmitContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var key = options.CurrentValue.Accounts[context.Account];
        var task = await client.SubmitAsync(ToRequest(command), key, context.RequestId, cancellationToken).ConfigureAwait(false);
        return new ProviderSubmission(task.TaskId!);
    }

    public CreditCost? EstimatePricePerResult(GenerateImage command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var prices = options.CurrentValue.Prices;
        var key = command.Model == UniAllModels.GptImage2
            ? $"{UniAllModels.GptImage2}/{command.Quality ?? "medium"}/{UniAllModels.GptImage2Sizes.GetValueOrDefault(command.Size ?? "", "1K")}"
            : command.Model ?? "";
        return prices.PerImage.TryGetValue(key, out var price)
            ? new CreditCost { Amount = price, Unit = prices.Unit, Source = CostSources.Estimated }
            : null;
    }

    /// <summary>The wire request; one reference goes in <c>image</c>, several in <c>images</c>, as the seed recommends.</summary>
    public static UniAllSubmitRequest ToRequest(GenerateImage command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var references = command.ReferenceImageUrls ?? [];
        return new UniAllSubmitRequest
        {
            Model = command.Model!,
            Prompt = command.Prompt!,
            TaskType = references.Count > 0 ? "image2image" : "text2image",
            Image = references.Count == 1 ? references[0] : null,
            Images = references.Count > 1 ? references : null,
            Size = command.Size,
            AspectRatio = command.AspectRatio,
            Quality = command.Quality,
            N = command.Count,
            OutputFormat = command.OutputFormat,
        };
    }
}
