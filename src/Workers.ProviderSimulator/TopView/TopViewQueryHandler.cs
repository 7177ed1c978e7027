using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Ledger;

namespace Workers.ProviderSimulator.TopView;

/// <summary>The query endpoints of both task kinds: the task's state now, with fresh signed links once it succeeded.</summary>
internal sealed class TopViewQueryHandler(
    TopViewTaskStore tasks,
    TopViewResults results,
    CounterBook counters,
    FaultBook faults,
    TimeProvider time,
    IOptions<SimulatorOptions> options)
{
    public async Task<IResult> HandleAsync(HttpContext context, TopViewTaskKind kind, CancellationToken cancellationToken)
    {
        counters.Polled(SimulatedProviders.TopView);
        if (faults.Draw(SimulatedProviders.TopView, FaultTarget.Poll) is { } fault)
        {
            return fault.Status is { } status
                ? TopViewError.ForHttpStatus(status, message: null).ToResult(status, fault.RetryAfterSeconds)
                : await faults.HangAsync(context, fault, cancellationToken);
        }

        var request = context.Request;
        if (TopViewAuth.Uid(request, options) is not { } uid)
        {
            return TopViewError.Unauthorized().ToResult();
        }

        if (TopViewCommonFields.Blank(request.Query["taskId"].ToString()) is not { } taskId)
        {
            return TopViewError.Missing("taskId").ToResult();
        }

        var cloudFrontText = request.Query["needCloudFrontUrl"].ToString();
        var cloudFront = false;
        if (cloudFrontText.Length > 0 && !bool.TryParse(cloudFrontText, out cloudFront))
        {
            return TopViewError.Format("needCloudFrontUrl must be true or false.").ToResult();
        }

        // Tasks belong to the uid that submitted them, and each kind has its own query endpoint.
        if (tasks.Find(taskId) is not { } task || task.Uid != uid || task.Kind != kind)
        {
            return TopViewError.NotFound($"Task not found: {taskId}.").ToResult();
        }

        var state = TopViewTaskState.At(task, time.GetUtcNow());
        return TopViewEnvelope.Ok(results.Build(task, state, request, cloudFront));
    }
}
