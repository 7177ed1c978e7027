using Microsoft.Extensions.Options;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>
/// [FACT kie, docs/PROVIDERS.md §3.6] At most <see cref="ApikleyOptions.CreateTaskLimit"/> <c>createTask</c> calls per account per
/// sliding <see cref="ApikleyOptions.CreateTaskWindow"/>; excess calls are refused, not queued. Uploads and polls do not count.
/// </summary>
internal sealed class ApikleyRateLimiter(IOptions<SimulatorOptions> options)
    : AccountRateLimiter(() => (options.Value.Apikley.CreateTaskLimit, options.Value.Apikley.CreateTaskWindow));
