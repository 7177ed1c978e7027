using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Ledger;

namespace Workers.ProviderSimulator.Apikley;

/// <summary><c>GET /api/v1/jobs/recordInfo?taskId=</c>: the task's record now, with fresh signed links once it succeeded.</summary>
internal sealed class ApikleyQueryHandler(
    ApikleyTaskStore tasks,
    ApikleyRecords records,
    FileLinks links,
    CounterBook counters,
    FaultBook faults,
    TimeProvider time,
    IOptions<SimulatorOptions> options)
{
    public async Task<IResult> HandleAsync(HttpContext context, string? taskId, CancellationToken cancellationToken)
    {
        counters.Polled(SimulatedProviders.Apikley);
        if (faults.Draw(SimulatedProviders.Apikley, FaultTarget.Poll) is { } fault)
        {
            return fault.Status is { } status
                ? ApikleyError.Http(status, msg: null, fault.RetryAfterSeconds).ToResult()
                : await faults.HangAsync(context, fault, cancellationToken);
        }

        var (account, refused) = ApikleyAuth.Admit(context.Request, options);
        if (refused is not null)
        {
            return refused.ToResult();
        }

        // [OBSERVED] Unknown tasks (and, here, tasks of another key) answer HTTP 200 with code 422 "recordInfo is null".
        if (string.IsNullOrWhiteSpace(taskId) || tasks.Find(taskId) is not { } task || task.Account != account)
        {
            return ApikleyError.RecordNotFound().ToResult();
        }

        var record = records.At(task, time.GetUtcNow(), links.BaseUrlOf(context.Request));
        return Results.Json(new ApikleyEnvelope<ApikleyRecord>(ApikleyCodes.Success, "success", record));
    }
}
