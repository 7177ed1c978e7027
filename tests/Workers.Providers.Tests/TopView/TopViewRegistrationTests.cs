using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.TopView;

namespace Workers.Providers.Tests.TopView;

public sealed class TopViewRegistrationTests
{
    [Fact]
    public void Catalog_ListsTopViewForStoryboardsAndVideos()
    {
        var registration = ProviderCatalog.Find(ProviderNames.TopView);

        Assert.NotNull(registration);
        Assert.Equal([GenerationKinds.Storyboard, GenerationKinds.Video], registration.Kinds);
    }

    [Fact]
    public void AddTopView_Defaults_ResolveEveryServiceAgainstTheSimulator()
    {
        using var services = Build([]);

        Assert.Equal(ProviderNames.TopView, services.GetRequiredService<IGenerationProvider<GenerateStoryboard>>().Provider);
        Assert.Equal(ProviderNames.TopView, services.GetRequiredService<IGenerationProvider<GenerateVideo>>().Provider);
        Assert.Equal(ProviderNames.TopView, services.GetRequiredService<IProviderTaskReader>().Provider);
        Assert.Equal(ProviderNames.TopView, services.GetRequiredService<IProviderCallbackReceiver>().Provider);
        var options = services.GetRequiredService<IOptions<TopViewOptions>>().Value;
        Assert.Equal(("http://127.0.0.1:5080", "simulator-uid", "simulator-key"), (options.BaseUrl, options.Account("default").Uid, options.Account("default").ApiKey));
    }

    [Fact]
    public void AddTopView_ConfiguredAccount_IsBound()
    {
        using var services = Build(new()
        {
            ["Providers:TopView:Accounts:prod:Uid"] = "u-1",
            ["Providers:TopView:Accounts:prod:ApiKey"] = "k-1",
            ["Providers:TopView:DefaultAccount"] = "prod",
            ["Providers:TopView:VideoPolling:Models:kling-v3:FirstPollSeconds"] = "90",
        });

        var options = services.GetRequiredService<IOptions<TopViewOptions>>().Value;
        Assert.Equal("u-1", options.Account("prod").Uid);
        Assert.Equal(TimeSpan.FromSeconds(90), services.GetRequiredService<IProviderTaskReader>().Schedule(GenerationKinds.Video, "Kling V3").FirstPoll);
    }

    [Theory]
    [InlineData("Providers:TopView:DefaultAccount", "missing", "DefaultAccount")]
    [InlineData("Providers:TopView:Accounts:default:ApiKey", "", "Uid and ApiKey")]
    [InlineData("Providers:TopView:MaxPromptLength", "0", "MaxPromptLength")]
    [InlineData("Providers:TopView:VideoPolling:FirstPollSeconds", "0", "VideoPolling")]
    [InlineData("Providers:TopView:StoryboardPolling:Models:gpt-image-2:DefaultTimeoutSeconds", "0", "StoryboardPolling:Models:gpt-image-2")]
    [InlineData("Providers:TopView:Http:AttemptTimeoutSeconds", "0", "Http")]
    public void AddTopView_InvalidSetting_StopsTheStart(string key, string value, string named)
    {
        using var services = Build(new() { [key] = value });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<TopViewOptions>>().Value);
        Assert.Contains(ex.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTopView(configuration).BuildServiceProvider();
    }
}
