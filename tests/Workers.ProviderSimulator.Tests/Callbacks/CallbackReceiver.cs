using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workers.ProviderSimulator.Tests.Callbacks;

/// <summary>
/// A real HTTP server on a loopback port that records every callback it gets and answers with <see cref="Reply"/>
/// (200 with an empty JSON object unless a test sets it), so the simulator's callbacks go over a real socket.
/// </summary>
internal sealed class CallbackReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedCallback> received = new();
    private readonly SemaphoreSlim arrivals = new(0);

    private CallbackReceiver(WebApplication app) => this.app = app;

    /// <summary>How to answer a callback: HTTP status and body. Tests may change it at any time.</summary>
    public Func<ReceivedCallback, (int Status, string Body)> Reply { get; set; } = _ => (StatusCodes.Status200OK, "{}");

    public IReadOnlyList<ReceivedCallback> Received => received.ToList();

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<CallbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new CallbackReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseAddress = SimulatorApp.GetBaseAddress(app);
        return receiver;
    }

    /// <summary>The absolute URL of <paramref name="path"/> on this receiver, e.g. <c>/hooks/topview</c>.</summary>
    public Uri Url(string path) => new(BaseAddress, path.TrimStart('/'));

    /// <summary>Waits until at least <paramref name="count"/> callbacks have arrived, failing after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedCallback>> WaitForAsync(int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (received.Count < count)
        {
            try
            {
                await arrivals.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Expected {count} callbacks within {timeout}, got {received.Count}.");
            }
        }

        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        arrivals.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var callback = new ReceivedCallback(
            context.Request.Path,
            context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            body);
        var (status, reply) = Reply(callback);
        received.Enqueue(callback);
        arrivals.Release();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply, context.RequestAborted);
    }
}
