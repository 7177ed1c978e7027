using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Workers.Providers;

/// <summary>What the fleet needs to know of a provider to serve it: its name, the kinds it makes, and its services.</summary>
/// <param name="Name">The provider name (<see cref="Contracts.ProviderNames"/>).</param>
/// <param name="Kinds">The <see cref="Contracts.GenerationKinds"/> it serves; one submit queue each.</param>
/// <param name="Register">Adds its client, adapters, task reader and callback receiver, bound to its configuration section.</param>
public sealed record ProviderRegistration(string Name, IReadOnlyList<string> Kinds, Action<IServiceCollection, IConfiguration> Register);
