using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Depicta;

namespace Workers.Providers.Tests.Depicta;

public sealed class DepictaOptionsTests
{
    [Fact]
    public void Defaults_AreValidAndPointAtTheSimulator()
    {
        var options = new DepictaOptions();

        Assert.Empty(Problems(options));
        Assert.Equal("http://127.0.0.1:5080", options.BaseUrl);
        Assert.Equal("dpct_simulator", options.Accounts[options.DefaultAccount]);
        Assert.Equal([DepictaModels.Story1, DepictaModels.Story1Fast], options.StoryModels);
        Assert.Equal((4000, 2000, 2000, "png", 100, 120),
            (options.MaxPromptLength, options.MaxAppearanceLength, options.MaxDescriptionLength, options.ImageFormat, options.ReconcileLimit, options.ReconcileWindowSeconds));
    }

    [Fact]
    public void Polling_StartsEarlyForProgressAndEndsAfterTenMinutes()
    {
        var options = new DepictaOptions();

        var story = options.Polling.For(DepictaModels.Story1);
        var fast = options.Polling.For(DepictaModels.Story1Fast);

        Assert.Equal((TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(600)), (story.FirstPoll, story.MaxInterval, story.Timeout));
        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(600)), (fast.FirstPoll, fast.Timeout));
    }

    [Theory]
    [InlineData("sk-simulator")]
    [InlineData("")]
    [InlineData("DPCT_x")]
    public void Validate_KeyWithoutDepictasPrefix_IsRefused(string key) =>
        Assert.Contains(Problems(new DepictaOptions { Accounts = new() { ["default"] = key } }), p => p.Contains("dpct_", StringComparison.Ordinal));

    [Fact]
    public void Validate_BrokenSettings_AreEachRefused()
    {
        var options = new DepictaOptions
        {
            DefaultAccount = "missing",
            StoryModels = [],
            ImageFormat = "gif",
            ReconcileWindowSeconds = 60,
        };

        var problems = Problems(options);

        Assert.Contains(problems, p => p.Contains("DefaultAccount 'missing'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("StoryModels", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ImageFormat 'gif'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("ReconcileWindowSeconds (60)", StringComparison.Ordinal));
        Assert.Contains(Problems(new DepictaOptions { ReconcileLimit = 101 }), p => p.Contains("ReconcileLimit", StringComparison.Ordinal));
    }

    [Fact]
    public void KeyFor_UnknownAccount_ThrowsATransientProviderCallException()
    {
        var ex = Assert.Throws<ProviderCallException>(() => new DepictaOptions().KeyFor("gone"));

        Assert.Equal(ProviderFailureKind.Transient, ex.Kind);
    }

    [Fact]
    public void Registration_ServesStoryboardsAndResolvesTheAdapterAndReader()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Providers:Depicta:BaseUrl"] = "https://api.depicta.ai",
            ["Providers:Depicta:Accounts:team"] = "dpct_team",
            ["Providers:Depicta:ImageFormat"] = "webp",
        }).Build();
        var services = new ServiceCollection();

        DepictaServiceCollectionExtensions.Registration.Register(services, configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal(ProviderNames.Depicta, DepictaServiceCollectionExtensions.Registration.Name);
        Assert.Equal([GenerationKinds.Storyboard], DepictaServiceCollectionExtensions.Registration.Kinds);
        Assert.Same(DepictaServiceCollectionExtensions.Registration, ProviderCatalog.Find(ProviderNames.Depicta));
        Assert.IsType<DepictaStoryProvider>(provider.GetRequiredService<IGenerationProvider<GenerateStoryboard>>());
        Assert.Contains(provider.GetServices<IProviderTaskReader>(), r => r is DepictaTaskReader);
        var options = provider.GetRequiredService<IOptions<DepictaOptions>>().Value;
        Assert.Equal(("dpct_team", "webp"), (options.Accounts["team"], options.ImageFormat));
    }

    private static List<string> Problems(DepictaOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return [.. results.Select(r => r.ErrorMessage ?? "")];
    }
}
