using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Apikley;
using Workers.ProviderSimulator.Callbacks;
using Workers.ProviderSimulator.Control;
using Workers.ProviderSimulator.Depicta;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Samples;
using Workers.ProviderSimulator.TopView;
using Workers.ProviderSimulator.UniAll;

namespace Workers.ProviderSimulator;

/// <summary>
/// Builds the provider simulator, for the executable and for in-process use: pass <c>--urls http://127.0.0.1:0</c>
/// and read <see cref="GetBaseAddress"/> after start, or call <c>UseTestServer()</c> in <c>configure</c>.
/// </summary>
public static class SimulatorApp
{
    /// <summary>The simulator with configuration from <paramref name="args"/>, environment variables and appsettings.</summary>
    public static WebApplication Create(string[] args) => Create(args, configure: null);

    /// <summary>
    /// Like <see cref="Create(string[])"/>; <paramref name="configure"/> runs after the simulator's services are
    /// registered, so it can replace them (e.g. a fake <see cref="TimeProvider"/>) or switch to TestServer.
    /// </summary>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure)
    {
        var builder = WebApplication.CreateBuilder(args);

        // A benchmark sends thousands of requests per second; per-request Information logs would dominate its cost.
        if (builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] is null)
        {
            builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        }

        AddServices(builder.Services);
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapGet("/", () => Results.Text("Provider simulator: " + string.Join(", ", SimulatedProviders.All)))
            .ExcludeFromDescription();
        app.MapUniAll();
        app.MapApikley();
        app.MapDepicta();
        app.MapTopView();
        app.MapSimulatorFiles();
        app.MapSimulatorSamples();
        app.MapSimulatorControl();
        return app;
    }

    /// <summary>The address a started simulator listens on, e.g. <c>http://127.0.0.1:41234/</c> after <c>--urls http://127.0.0.1:0</c>.</summary>
    public static Uri GetBaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var first = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The simulator has no address yet: call StartAsync first.");
        return new Uri(first.EndsWith('/') ? first : first + "/");
    }

    private static void AddServices(IServiceCollection services)
    {
        services.AddOptions<SimulatorOptions>()
            .BindConfiguration(SimulatorOptions.SectionName)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SimulatorOptions>, SimulatorOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSimulatorControl();
        services.AddSimulatorFiles();
        services.AddSimulatorSamples();
        services.AddSimulatorFaults();
        services.AddSimulatorCallbacks();
        services.AddUniAll();
        services.AddApikley();
        services.AddDepicta();
        services.AddTopView();
    }
}
