using Microsoft.Extensions.Configuration;

namespace Workers.Components;

/// <summary>
/// Provider keys from mounted secret files (a Kubernetes Secret as a volume): one file per key, named after the
/// configuration key with <c>__</c> for <c>:</c>, e.g. <c>Providers__TopView__Accounts__default__ApiKey</c>.
/// </summary>
public static class FleetSecrets
{
    /// <summary>Where the files are unless <c>SecretsDirectory</c> says otherwise.</summary>
    public const string DefaultDirectory = "/run/secrets/workers";

    /// <summary>Adds the secret files (when the directory exists) on top of the configuration read so far.</summary>
    public static IConfigurationBuilder AddFleetSecrets(this IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = configuration["SecretsDirectory"] is { Length: > 0 } configured ? configured : DefaultDirectory;
        return configuration.AddKeyPerFile(Path.GetFullPath(directory), optional: true, reloadOnChange: false);
    }
}
