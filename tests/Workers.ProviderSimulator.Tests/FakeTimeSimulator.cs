using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Workers.ProviderSimulator.Tests;

/// <summary>
/// The simulator on a fake clock whose timers fire only when the test advances it: how long something waits is then
/// shown by the clock, not measured.
/// </summary>
internal static class FakeTimeSimulator
{
    public static async Task<(WebApplication App, FakeTimeProvider Clock)> StartAsync()
    {
        var clock = new FakeTimeProvider();
        var app = SimulatorApp.Create([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await app.StartAsync();
        return (app, clock);
    }

    /// <summary>Advances the clock in small steps until <paramref name="answer"/> completes; returns the simulated time it took.</summary>
    public static async Task<TimeSpan> AdvanceUntilAsync(FakeTimeProvider clock, Task answer)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(answer);
        var step = TimeSpan.FromMilliseconds(25);
        var advanced = TimeSpan.Zero;
        var real = System.Diagnostics.Stopwatch.StartNew();
        while (!answer.IsCompleted)
        {
            if (real.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("The answer never came, however far the clock was advanced.");
            }

            // Real time for the request to reach its delay before the clock moves on.
            await Task.WhenAny(answer, Task.Delay(10));
            if (!answer.IsCompleted)
            {
                clock.Advance(step);
                advanced += step;
            }
        }

        await answer;
        return advanced;
    }
}
