using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator;

/// <summary>Rejects impossible settings at start-up rather than at the first request that needs them.</summary>
internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var errors = new List<string>();
        var section = SimulatorOptions.SectionName;

        if (!double.IsFinite(options.SpeedFactor) || options.SpeedFactor <= 0)
        {
            errors.Add($"{section}:SpeedFactor must be a finite number > 0 (was {options.SpeedFactor}).");
        }

        if (options.PublicBaseUrl is { } baseUrl
            && (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"{section}:PublicBaseUrl must be an absolute http(s) URL (was '{baseUrl}').");
        }

        if (options.FileUrlLifetime <= TimeSpan.Zero)
        {
            errors.Add($"{section}:FileUrlLifetime must be positive (was {options.FileUrlLifetime}).");
        }

        if (options.FileSigningKey is { Length: < 16 })
        {
            errors.Add($"{section}:FileSigningKey must have at least 16 characters when set.");
        }

        if (options.FileCacheMegabytes < 1)
        {
            errors.Add($"{section}:FileCacheMegabytes must be >= 1 (was {options.FileCacheMegabytes}).");
        }

        options.UniAll.CollectErrors($"{section}:UniAll", errors);
        options.Apikley.CollectErrors($"{section}:Apikley", errors);
        options.Depicta.CollectErrors($"{section}:Depicta", errors);
        options.TopView.CollectErrors($"{section}:TopView", errors);

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
