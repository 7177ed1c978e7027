using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Apikley;

namespace Workers.Providers.Tests.Apikley;

public sealed class ApikleyRegistrationTests
{
    [Fact]
    public void Catalog_Apikley_ServesVideos()
    {
        var registration = ProviderCatalog.Find(ProviderNames.Apikley);

        Assert.NotNull(registration);
        Assert.Equal([GenerationKinds.Video], registration.Kinds);
    }

    [Fact]
    public void AddApikley_Defaults_ResolveTheAdapterReaderAndReceiver()
    {
        using var services = Build([]);

        Assert.Equal(ProviderNames.Apikley, services.GetRequiredService<IGenerationProvider<GenerateVideo>>().Provider);
        Assert.Equal(ProviderNames.Apikley, services.GetRequiredService<IProviderTaskReader>().Provider);
        Assert.Equal(ProviderNames.Apikley, services.GetRequiredService<IProviderCallbackReceiver>().Provider);
        var options = services.GetRequiredService<IOptions<ApikleyOptions>>().Value;
        Assert.Equal(("http://127.0.0.1:5080", "default", "simulator-key"), (options.BaseUrl, options.DefaultAccount, options.Accounts["default"].ApiKey));
        Assert.Equal((5000, false, 300), (options.MaxSceneLength, options.UploadReferences, options.CallbackMaxAgeSeconds));
    }

    [Fact]
    public void Schedule_Defaults_FirstPollAfterAMinuteAndAFifteenMinuteDeadline()
    {
        using var services = Build([]);

        var schedule = services.GetRequiredService<IProviderTaskReader>().Schedule(GenerationKinds.Video, ApikleyModels.Sora2ProStoryboard);

        Assert.Equal(TimeSpan.FromSeconds(60), schedule.FirstPoll);
        Assert.Equal(TimeSpan.FromSeconds(30), schedule.MaxInterval);
        Assert.Equal(TimeSpan.FromSeconds(900), schedule.Timeout);
        Assert.True(schedule.NotFoundGrace > schedule.FirstPoll);
    }

    [Fact]
    public void AddApikley_AccountsFromConfiguration_AreBoundWithTheirWebhookKeys()
    {
        using var services = Build(new()
        {
            ["Providers:Apikley:Accounts:prod:ApiKey"] = "k-prod",
            ["Providers:Apikley:Accounts:prod:WebhookHmacKey"] = "h-prod",
            ["Providers:Apikley:DefaultAccount"] = "prod",
            ["Providers:Apikley:Polling:Models:sora-2-pro-storyboard:FirstPollSeconds"] = "120",
        });

        var options = services.GetRequiredService<IOptions<ApikleyOptions>>().Value;

        Assert.Equal(("k-prod", "h-prod"), (options.Accounts["prod"].ApiKey, options.Accounts["prod"].WebhookHmacKey));
        Assert.Equal(TimeSpan.FromSeconds(120), options.Polling.For(ApikleyModels.Sora2ProStoryboard).FirstPoll);
    }

    [Theory]
    [InlineData("Providers:Apikley:DefaultAccount", "missing")]
    [InlineData("Providers:Apikley:Accounts:default:ApiKey", "")]
    [InlineData("Providers:Apikley:Accounts:default:WebhookHmacKey", "  ")]
    [InlineData("Providers:Apikley:MaxSceneLength", "0")]
    [InlineData("Providers:Apikley:CallbackMaxAgeSeconds", "0")]
    [InlineData("Providers:Apikley:BaseUrl", "not a url")]
    public void AddApikley_InvalidSetting_FailsAtStart(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ApikleyOptions>>().Value);
    }

    [Theory]
    [InlineData(402, ProviderFailureKind.Rejected, GenerationErrorCodes.InsufficientCredits)]
    [InlineData(422, ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    [InlineData(400, ProviderFailureKind.Rejected, GenerationErrorCodes.Validation)]
    [InlineData(503, ProviderFailureKind.Transient, GenerationErrorCodes.ProviderUnavailable)]
    [InlineData(504, ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    [InlineData(200, ProviderFailureKind.OutcomeUnknown, GenerationErrorCodes.UnknownOutcome)]
    public void Classify_EnvelopedCodeOnHttp200_FollowsTheTable(int code, ProviderFailureKind kind, string errorCode)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK);

        var ex = ApikleyErrors.Classify("createTask", HttpStatusCode.OK, response.Headers, code, "why");

        Assert.Equal((kind, errorCode), (ex.Kind, ex.Code));
        Assert.Contains("why", ex.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddApikley(configuration).BuildServiceProvider();
    }
}
