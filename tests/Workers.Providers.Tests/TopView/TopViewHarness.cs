using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Refit;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.TopView;
using Workers.ProviderSimulator;
using Workers.ProviderSimulator.Control;

namespace Workers.Providers.Tests.TopView;

/// <summary>The simulator in process, with the fleet's TopView pieces wired to it as the host would wire them.</summary>
internal sealed class TopViewHarness : IAsyncDisposable
{
    public const string Uid = "simulator-uid";
    public const string Key = "simulator-key";

    private TopViewHarness(WebApplication simulator, TopViewOptions options)
    {
        Simulator = simulator;
        Options = options;
        TopView = new CountingHandler(simulator.GetTestServer().CreateHandler());
        var http = new HttpClient(TopView) { BaseAddress = simulator.GetTestClient().BaseAddress };
        Client = new TopViewClient(RestService.ForGenerated<ITopViewApi>(http, RefitSettings.ForJsonContext(TopViewJsonContext.Default)));
        Control = new SimulatorControlClient(simulator.GetTestClient());
        References = ReferenceImages.Handler();
        Store = new CountingHandler(simulator.GetTestServer().CreateHandler());
        var monitor = new FixedOptionsMonitor<TopViewOptions>(options);
        var urls = new FixedOptionsMonitor<ReferenceUrlOptions>(new ReferenceUrlOptions());
        Uploader = new TopViewReferenceUploader(Client,
            new NamedHttpClients(new Dictionary<string, HttpMessageHandler>
            {
                [TopViewReferenceUploader.DownloadClient] = References,
                [TopViewReferenceUploader.UploadClient] = Store,
            }),
            monitor, TestGuards.Create(), TimeProvider.System);
        Storyboards = new TopViewStoryboardProvider(Client, Uploader, monitor, urls);
        Videos = new TopViewVideoProvider(Client, Uploader, monitor, urls);
        Reader = new TopViewTaskReader(Client, monitor);
    }

    public WebApplication Simulator { get; }

    public TopViewOptions Options { get; }

    /// <summary>Every call to TopView's API, by path.</summary>
    public CountingHandler TopView { get; }

    /// <summary>Every PUT to the presigned upload URLs.</summary>
    public CountingHandler Store { get; }

    public StubHandler References { get; }

    public TopViewClient Client { get; }

    public SimulatorControlClient Control { get; }

    public TopViewReferenceUploader Uploader { get; }

    public TopViewStoryboardProvider Storyboards { get; }

    public TopViewVideoProvider Videos { get; }

    public TopViewTaskReader Reader { get; }

    public TopViewAccount Account => Options.Account("default");

    /// <summary>Starts the simulator at 1000× speed with <see cref="Uid"/>/<see cref="Key"/> as its only account.</summary>
    public static async Task<TopViewHarness> StartAsync(Action<TopViewOptions>? configure = null)
    {
        var simulator = SimulatorApp.Create(["--Simulator:SpeedFactor=1000", $"--Simulator:TopView:Accounts:{Uid}={Key}"], b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await simulator.StartAsync();
        var options = new TopViewOptions { UploadCheckDelayMilliseconds = 10 };
        configure?.Invoke(options);
        return new TopViewHarness(simulator, options);
    }

    /// <summary>Polls until the task ends.</summary>
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

        throw new TimeoutException($"Task {task.TaskId} did not end.");
    }

    public static ProviderTaskRef TaskOf(string kind, string model, ProviderSubmission submission) => new()
    {
        RequestId = "req",
        Kind = kind,
        Model = model,
        Account = "default",
        TaskId = submission.TaskId,
        Details = submission.Details ?? new Dictionary<string, string>(),
    };

    public static SubmitContext Context(IPreparedInputs prepared, string requestId = "req", Uri? callback = null) => new()
    {
        Account = "default",
        RequestId = requestId,
        Prepared = prepared,
        CallbackUrl = callback,
    };

    public static GenerateStoryboard Storyboard(string marker) => new()
    {
        RequestId = "req",
        Model = "Nano Banana 2",
        Story = $"A fox finds a lantern [{marker}]",
        Resolution = "512p",
    };

    public static GenerateVideo Video(string marker) => new()
    {
        RequestId = "req",
        Model = "Seedance 1.5 Pro",
        Prompt = $"slow dolly-in [{marker}]",
        FirstFrameUrl = $"{ReferenceImages.Host}/frame.png",
        Resolution = 720,
        DurationSeconds = 5,
    };

    public async ValueTask DisposeAsync()
    {
        await Simulator.DisposeAsync();
        TopView.Dispose();
        Store.Dispose();
        References.Dispose();
    }
}
