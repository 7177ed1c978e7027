namespace Workers.ProviderSimulator.Tests;

/// <summary>One simulator for a class of stateless tests (validation tables), started once.</summary>
public sealed class SharedSimulator : IAsyncLifetime
{
    private SimulatorHost? host;

    internal SimulatorHost Host => host ?? throw new InvalidOperationException("Not started.");

    public async Task InitializeAsync() => host = await SimulatorHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }
}
