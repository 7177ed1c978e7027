using Workers.Contracts;
using Workers.Persistence.Generations;

namespace Workers.Components.Outcomes;

/// <summary>Builds the events of a request from its recorded row, so a republished event says the same thing.</summary>
public static class GenerationEvents
{
    public static GenerationCompleted Completed(GenerationRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new GenerationCompleted
        {
            RequestId = row.RequestId,
            Kind = row.Kind,
            Provider = row.Provider,
            Model = row.Model,
            ProviderTaskId = row.ProviderTaskId ?? "",
            Artifacts = row.Artifacts,
            PartialFailures = row.PartialFailures,
            Cost = row.Credits,
            Timings = Timings(row),
            Tags = row.Tags,
        };
    }

    public static GenerationFailed Failed(GenerationRecord row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new GenerationFailed
        {
            RequestId = row.RequestId,
            Kind = row.Kind,
            Provider = row.Provider,
            Model = row.Model,
            ProviderTaskId = row.ProviderTaskId,
            Code = row.ErrorCode ?? GenerationErrorCodes.ProviderFailed,
            Message = row.ErrorMessage ?? "",
            ProviderCode = row.ErrorProviderCode,
            Cost = row.Credits,
            Timings = Timings(row),
            Tags = row.Tags,
        };
    }

    private static GenerationTimings Timings(GenerationRecord row) => new()
    {
        AcceptedAt = row.AcceptedAt,
        SubmittedAt = row.SubmittedAt,
        ProviderFinishedAt = row.ProviderFinishedAt,
        CompletedAt = row.CompletedAt ?? row.AcceptedAt,
        PollCount = row.PollCount,
    };
}
