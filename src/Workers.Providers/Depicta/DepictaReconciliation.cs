using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Depicta;

/// <summary>
/// Which of the key's recent jobs (<c>GET /v1/jobs</c>, newest first) could be a story submitted with an unknown outcome.
/// Depicta takes no client reference, so a job matches by its shape: a story of the same model and scene count, created
/// in the attempt's window.
/// </summary>
public static class DepictaReconciliation
{
    /// <summary>How far Depicta's clock may run behind the fleet's: a job may show as created this much before the attempt.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    /// <param name="jobs">The list as Depicta gave it.</param>
    /// <param name="command">The command whose submission's outcome is unknown.</param>
    /// <param name="attemptStartedAt">When the fleet began the submission.</param>
    /// <param name="limit">How many jobs were asked for: a shorter list is every job the key has.</param>
    /// <param name="window">How long after the attempt's start its job may have been created.</param>
    public static Reconciliation From(IReadOnlyList<DepictaJob> jobs, GenerateStoryboard command, DateTimeOffset attemptStartedAt,
        int limit, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(command);
        var from = attemptStartedAt - ClockSkew;
        var to = attemptStartedAt + window;
        var candidates = jobs
            .Where(job => job?.Id is { Length: > 0 }
                && job.Type == DepictaModels.StoryJobType
                && job.Model == command.Model
                && job.ScenesTotal is { } total && total == command.Scenes?.Count
                && job.CreatedAt is { } created && created >= from && created <= to)
            .DistinctBy(job => job.Id)
            .Select(job => new ProviderSubmission(job.Id!, job.PollUrl is { Length: > 0 } url
                ? new Dictionary<string, string> { [DepictaPollUrl.DetailKey] = url }
                : null))
            .ToList();
        var oldest = jobs.Select(job => job?.CreatedAt).Where(created => created is not null).Min();
        return new Reconciliation
        {
            Candidates = candidates,
            CoversWindow = jobs.Count < limit || oldest < from,
        };
    }
}
