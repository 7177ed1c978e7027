using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Ledger;

namespace Workers.ProviderSimulator.UniAll;

/// <summary><c>GET /v1/images/tasks/{task_id}</c>: the task's state now, with fresh signed links once it succeeded.</summary>
internal sealed class UniAllQueryHandler(
    UniAllTaskStore tasks,
    FileLinks links,
    CounterBook counters,
    FaultBook faults,
    UniAllRateLimiter rateLimiter,
    TimeProvider time,
    IOptions<SimulatorOptions> options)
{
    public async Task<IResult> HandleAsync(HttpContext context, string taskId, CancellationToken cancellationToken)
    {
        counters.Polled(SimulatedProviders.UniAll);
        if (faults.Draw(SimulatedProviders.UniAll, FaultTarget.Poll) is { } fault)
        {
            return fault.Status is { } status
                ? UniAllError.Rejected(status, message: null).ToResult(fault.RetryAfterSeconds)
                : await faults.HangAsync(context, fault, cancellationToken);
        }

        var request = context.Request;
        if (UniAllAuth.Account(request, options) is not { } account)
        {
            return UniAllError.Unauthorized().ToResult();
        }

        if (rateLimiter.Refuse(account) is { } retryAfter)
        {
            return UniAllError.RateLimited(options.Value.UniAll.RequestsPerMinute).ToResult(retryAfter);
        }

        // Tasks belong to the key that submitted them, as gateways scope tasks by user.
        if (tasks.Find(taskId) is not { } task || task.Account != account)
        {
            return Results.Json(
                new UniAllEnvelope("task_not_exist", $"Task '{taskId}' does not exist.", Data: null),
                statusCode: StatusCodes.Status404NotFound);
        }

        var state = UniAllTaskState.At(task, time.GetUtcNow());
        var urls = state.IsSucceeded
            ? Enumerable.Range(0, task.Order.ResultCount)
                .Select(index => links.Create(
                    request,
                    new FileAddress(SimulatedProviders.UniAll, task.TaskId, index),
                    UniAllFileSource.FileName(task, index)))
                .ToList()
            : null;
        var body = new UniAllTaskBody(
            task.TaskId,
            state.Status,
            state.Progress,
            urls?[0],
            new UniAllTaskMetadata(task.Order.TaskType, urls?.Count ?? 0, urls),
            state.Status == UniAllStatuses.Failed ? task.FailureMessage : null);
        return Results.Json(new UniAllEnvelope("success", "", body));
    }
}
