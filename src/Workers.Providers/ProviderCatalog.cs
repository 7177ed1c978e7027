using Workers.Providers.Apikley;
using Workers.Providers.Depicta;
using Workers.Providers.TopView;
using Workers.Providers.UniAll;

namespace Workers.Providers;

/// <summary>Every provider this build can serve. Adding a provider is its folder and one line here.</summary>
public static class ProviderCatalog
{
    public static readonly IReadOnlyList<ProviderRegistration> All =
    [
        UniAllServiceCollectionExtensions.Registration,
        TopViewServiceCollectionExtensions.Registration,
        ApikleyServiceCollectionExtensions.Registration,
        DepictaServiceCollectionExtensions.Registration,
    ];

    /// <summary>The registration of <paramref name="name"/>, or null.</summary>
    public static ProviderRegistration? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
