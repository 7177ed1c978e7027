using System.Text.Json;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Video;

namespace Workers.ProviderSimulator.Apikley;

/// <summary>Builds a task's <see cref="ApikleyRecord"/> at an instant, with freshly signed result links once it succeeded.</summary>
internal sealed class ApikleyRecords(FileLinks links, ApikleyAccounts accounts, IOptions<SimulatorOptions> options)
{
    /// <summary>The record of <paramref name="task"/> as of <paramref name="at"/>; links go under <paramref name="baseUrl"/>.</summary>
    public ApikleyRecord At(ApikleyTask task, DateTimeOffset at, string baseUrl)
    {
        var state = ApikleyTaskState.At(task, at);
        var resultJson = "";
        if (state.State == ApikleyStates.Success)
        {
            var url = links.Create(
                baseUrl,
                new FileAddress(SimulatedProviders.Apikley, task.TaskId, 0),
                FileName(task),
                options.Value.Apikley.ResultUrlLifetime);
            resultJson = JsonSerializer.Serialize(new ApikleyResult([url]));
        }

        var failed = state.State == ApikleyStates.Fail;
        return new ApikleyRecord(
            task.TaskId,
            ApikleyValidator.Model,
            state.State,
            task.Order.Param,
            resultJson,
            failed ? task.FailCode ?? "" : "",
            failed ? task.FailMsg ?? "" : "",
            state.State == ApikleyStates.Success ? task.Charge : 0,
            accounts.Balance(task.Account),
            state.IsTerminal ? (long)task.RunFor.TotalMilliseconds : null,
            task.CreatedAt.ToUnixTimeMilliseconds(),
            state.IsTerminal ? task.EndsAt.ToUnixTimeMilliseconds() : null,
            state.UpdatedAt.ToUnixTimeMilliseconds());
    }

    /// <summary>The readable last segment of a result link, e.g. <c>task_sora-2-pro-storyboard_1765188271139.mp4</c>.</summary>
    public static string FileName(ApikleyTask task) => $"{task.TaskId}.{PlaceholderVideo.Extension}";
}
