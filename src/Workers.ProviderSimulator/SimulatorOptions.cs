using Workers.ProviderSimulator.Apikley;
using Workers.ProviderSimulator.Depicta;
using Workers.ProviderSimulator.TopView;
using Workers.ProviderSimulator.UniAll;

namespace Workers.ProviderSimulator;

/// <summary>Settings of the provider simulator (configuration section <c>Simulator</c>).</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    /// <summary>Simulated run times are divided by this: 1 is realistic, 100 runs a hundred times faster.</summary>
    public double SpeedFactor { get; set; } = 1.0;

    /// <summary>Base URL written into signed file links; null means the scheme and host of the request that got them.</summary>
    public Uri? PublicBaseUrl { get; set; }

    /// <summary>How long a signed file link stays valid after it was handed out.</summary>
    public TimeSpan FileUrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>HMAC key of file links (at least 16 characters); null means a random key per process.</summary>
    public string? FileSigningKey { get; set; }

    /// <summary>Upper bound of the cache of rendered result files.</summary>
    public int FileCacheMegabytes { get; set; } = 256;

    /// <summary>UniAll (section <c>Simulator:UniAll</c>).</summary>
    public UniAllOptions UniAll { get; set; } = new();

    /// <summary>Apikley (section <c>Simulator:Apikley</c>).</summary>
    public ApikleyOptions Apikley { get; set; } = new();

    /// <summary>Depicta (section <c>Simulator:Depicta</c>).</summary>
    public DepictaOptions Depicta { get; set; } = new();

    /// <summary>TopView (section <c>Simulator:TopView</c>).</summary>
    public TopViewOptions TopView { get; set; } = new();
}
