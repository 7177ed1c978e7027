using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Logging;
using Refit;
using Workers.Contracts;
using Workers.Providers.Abstractions;
using Workers.Providers.Depicta;
using Workers.ProviderSimulator;
using Workers.ProviderSimulator.Control;

namespace Workers.Providers.Tests.Depicta;

/// <summary>The simulator in process, with the fleet's Depicta client, adapter and reader on it; every request's URL is recorded.</summary>
public sealed class DepictaSimulatorHost : IAsyncDisposable
{
    public const string Key = "dpct_test_key";

    private readonly WebApplication simulator;
    private readonly HttpClient http;
    private readonly ConcurrentQueue<Uri> requests = new();

    private DepictaSimulatorHost(WebApplication simulator, DepictaOptions options)
    {
        this.simulator = simulator;
        http = new HttpClient(new RecordingHandler(requests, simulator.GetTestServer().CreateHandler()))
        {
            BaseAddress = new Uri("http://localhost/"),
        };
        Options = options;
        Client = new DepictaClient(RestService.ForGenerated<IDepictaApi>(http, RefitSettings.ForJsonContext(DepictaJsonContext.Default)));
        Control = new SimulatorControlClient(simulator.GetTestClient());
        var monitor = new FixedOptionsMonitor<DepictaOptions>(options);
        Provider = new DepictaStoryProvider(Client, monitor, TestGuards.Create());
        Reader = new DepictaTaskReader(Client, monitor);
    }

    public DepictaOptions Options { get; }

    public DepictaClient Client { get; }

    public SimulatorControlClient Control { get; }

    public DepictaStoryProvider Provider { get; }

    public DepictaTaskReader Reader { get; }

    /// <summary>Every URL the fleet's client asked for, in order.</summary>
    public IReadOnlyList<Uri> Requests => [.. requests];

    /// <summary>Starts a simulator with <paramref name="args"/> (e.g. <c>--Simulator:Depicta:PollUrlStyle=Relative</c>).</summary>
    public static async Task<DepictaSimulatorHost> StartAsync(Action<DepictaOptions>? configure = null, params string[] args)
    {
        var simulator = SimulatorApp.Create(["--Simulator:SpeedFactor=1000", .. args], b =>
        {
            b.WebHost.UseTestServer();
            b.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await simulator.StartAsync();
        var options = new DepictaOptions
        {
            BaseUrl = "http://localhost",
            Accounts = new(StringComparer.Ordinal) { ["default"] = Key, ["other"] = "dpct_other_key" },
        };
        configure?.Invoke(options);
        return new DepictaSimulatorHost(simulator, options);
    }

    /// <summary>The context of one submission attempt.</summary>
    public static SubmitContext Context(string requestId, string account = "default") => new()
    {
        Account = account,
        RequestId = requestId,
        Prepared = new MemoryPreparedInputs(),
    };

    /// <summary>The task of <paramref name="submission"/>, as the fleet records it.</summary>
    public static ProviderTaskRef TaskOf(ProviderSubmission submission, string model = DepictaModels.Story1,
        string account = "default") => new()
    {
        RequestId = "req",
        Kind = GenerationKinds.Storyboard,
        Model = model,
        Account = account,
        TaskId = submission.TaskId,
        Details = submission.Details ?? new Dictionary<string, string>(),
    };

    /// <summary>Polls <paramref name="task"/> until it ends, every <paramref name="intervalMs"/>; each state seen, the last one final.</summary>
    public async Task<IReadOnlyList<ProviderTaskState>> FollowAsync(ProviderTaskRef task, int intervalMs = 0)
    {
        var states = new List<ProviderTaskState>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var state = await Reader.GetTaskAsync(task, timeout.Token);
            states.Add(state);
            if (state.Phase is ProviderTaskPhase.Succeeded or ProviderTaskPhase.Failed)
            {
                return states;
            }

            await Task.Delay(intervalMs, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await simulator.DisposeAsync();
    }

    private sealed class RecordingHandler(ConcurrentQueue<Uri> requests, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            requests.Enqueue(request.RequestUri!);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
