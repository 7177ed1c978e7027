using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.UniAll;

/// <summary>
/// [ASSUMPTION docs/PROVIDERS.md §5.4: "simulate 429 above a configurable RPM"] At most <see cref="UniAllOptions.RequestsPerMinute"/>
/// submissions and queries per key per sliding minute; 0 (the default: UniAll documents no limit) turns it off.
/// </summary>
internal sealed class UniAllRateLimiter(IOptions<SimulatorOptions> options)
    : AccountRateLimiter(() => (options.Value.UniAll.RequestsPerMinute, TimeSpan.FromMinutes(1)));
