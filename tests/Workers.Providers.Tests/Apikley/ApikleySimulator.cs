using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Refit;
using Workers.Providers.Abstractions;
using Workers.Providers.Apikley;
using Workers.ProviderSimulator;
using Workers.ProviderSimulator.Control;

namespace Workers.Providers.Tests.Apikley;

/// <summary>The simulator in process (TestServer, or real loopback sockets) with the fleet's Apikley pieces pointed at it.</summary>
internal sealed class ApikleySimulator : IAsyncDisposable
{
    private readonly HttpClient? ownHttp;

    private ApikleySimulator(WebApplication app, HttpClient http, bool ownsHttp, ApikleyOptions options, ReferenceUrlOptions urls)
    {
        App = app;
        Http = http;
        ownHttp = ownsHttp ? http : null;
        Options = options;
        Client = new ApikleyClient(RestService.ForGenerated<IApikleyApi>(http, RefitSettings.ForJsonContext(ApikleyJsonContext.Default)));
        Control = new SimulatorControlClient(http);
        Provider = new ApikleyVideoProvider(Client, new FixedOptionsMonitor<ApikleyOptions>(options), new FixedOptionsMonitor<ReferenceUrlOptions>(urls),
            TestGuards.Create(urls));
        Reader = new ApikleyTaskReader(Client, new FixedOptionsMonitor<ApikleyOptions>(options));
    }

    public WebApplication App { get; }

    /// <summary>Reaches the simulator (its root as base address).</summary>
    public HttpClient Http { get; }

    public ApikleyOptions Options { get; }

    public ApikleyClient Client { get; }

    public SimulatorControlClient Control { get; }

    public ApikleyVideoProvider Provider { get; }

    public ApikleyTaskReader Reader { get; }

    public const string Key = "simulator-key";

    /// <summary>In memory; <paramref name="configure"/> may replace simulator services (e.g. the callback HttpClient).</summary>
    public static async Task<ApikleySimulator> StartAsync(string[]? args = null, Action<WebApplicationBuilder>? configure = null,
        ApikleyOptions? options = null)
    {
        var app = SimulatorApp.Create(["--Simulator:SpeedFactor=1000", .. args ?? []], b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.SetMinimumLevel(LogLevel.Warning);
            configure?.Invoke(b);
        });
        await app.StartAsync();
        return new ApikleySimulator(app, app.GetTestClient(), ownsHttp: false, options ?? new ApikleyOptions(), new ReferenceUrlOptions());
    }

    /// <summary>On a free loopback port, so that the simulator can fetch URLs (its own included) over real HTTP.</summary>
    public static async Task<ApikleySimulator> StartOnLoopbackAsync(ApikleyOptions options)
    {
        var app = SimulatorApp.Create(["--urls", "http://127.0.0.1:0", "--Simulator:SpeedFactor=1000"],
            b => b.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        var baseAddress = SimulatorApp.GetBaseAddress(app);
        var http = new HttpClient { BaseAddress = baseAddress };
        return new ApikleySimulator(app, http, ownsHttp: true, options,
            new ReferenceUrlOptions { AllowedHosts = [baseAddress.Authority] });
    }

    /// <summary>Polls until the task ends (the simulator runs it in well under a second).</summary>
    public async Task<ProviderTaskState> FollowAsync(ProviderTaskRef task)
    {
        for (var i = 0; i < 500; i++)
        {
            var state = await Reader.GetTaskAsync(task, CancellationToken.None);
            if (state.Phase is ProviderTaskPhase.Succeeded or ProviderTaskPhase.Failed)
            {
                return state;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"task {task.TaskId} did not end");
    }

    public static ProviderTaskRef TaskRef(string taskId, string account = "default") => new()
    {
        RequestId = "req",
        Kind = Contracts.GenerationKinds.Video,
        Model = ApikleyModels.Sora2ProStoryboard,
        Account = account,
        TaskId = taskId,
    };

    public async ValueTask DisposeAsync()
    {
        ownHttp?.Dispose();
        await App.DisposeAsync();
    }
}
