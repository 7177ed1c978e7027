using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Faults;
using Workers.ProviderSimulator.Files;
using Workers.ProviderSimulator.Ledger;

namespace Workers.ProviderSimulator.Depicta;

/// <summary>
/// <c>GET /v1/jobs/{id}</c> (and <c>GET /v1/generate/story/{id}</c>): the job's state now, with fresh signed links once
/// completed; <c>GET /v1/jobs</c>: the key's recent jobs.
/// </summary>
internal sealed class DepictaQueryHandler(
    DepictaJobStore jobs,
    DepictaConcurrencyGate gate,
    FileLinks links,
    CounterBook counters,
    FaultBook faults,
    TimeProvider time,
    IOptions<SimulatorOptions> options)
{
    /// <summary>How many jobs <c>GET /v1/jobs</c> lists when <c>limit</c> is not given. [ASSUMPTION]</summary>
    public const int DefaultListLimit = 20;

    private const string Provider = SimulatedProviders.Depicta;

    public async Task<IResult> PollAsync(HttpContext context, string jobId, CancellationToken cancellationToken)
    {
        var (account, lease, refusal) = await AdmitAsync(context, cancellationToken);
        using (lease)
        {
            if (refusal is not null)
            {
                return refusal;
            }

            // Jobs belong to the key that submitted them.
            if (jobs.Find(jobId) is not { } job || job.Account != account)
            {
                return DepictaError.NotFound(jobId).ToResult(context.Response);
            }

            return Results.Json(Body(context.Request, job, DepictaJobState.At(job, time.GetUtcNow())));
        }
    }

    public async Task<IResult> ListAsync(HttpContext context, int? limit, CancellationToken cancellationToken)
    {
        var (account, lease, refusal) = await AdmitAsync(context, cancellationToken);
        using (lease)
        {
            if (refusal is not null)
            {
                return refusal;
            }

            if (limit is < 1 or > DepictaJobStore.RecentPerAccount)
            {
                return DepictaError.Invalid([new DepictaFieldError(
                    "limit", $"limit must be between 1 and {DepictaJobStore.RecentPerAccount.ToString(CultureInfo.InvariantCulture)}.")])
                    .ToResult(context.Response);
            }

            var now = time.GetUtcNow();
            var style = options.Value.Depicta.PollUrlStyle;
            var summaries = jobs.Recent(account!, limit ?? DefaultListLimit)
                .Select(job =>
                {
                    var state = DepictaJobState.At(job, now);
                    return new DepictaJobSummary(
                        job.Id, "story", job.Story.Model.Id, state.Status, state.ScenesCompleted, job.Story.Scenes.Count, job.CreatedAt,
                        DepictaEndpoints.PollUrl(context.Request, job.Id, style));
                })
                .ToList();
            return Results.Json(new DepictaJobList(summaries));
        }
    }

    /// <summary>Counts the query, then an injected fault, the key and the concurrency limit, in that order.</summary>
    private async Task<(string? Account, RateLimitLease? Lease, IResult? Refusal)> AdmitAsync(HttpContext context, CancellationToken cancellationToken)
    {
        counters.Polled(Provider);
        if (faults.Draw(Provider, FaultTarget.Poll) is { } fault)
        {
            return (null, null, fault.Status is { } status
                ? DepictaError.WithStatus(status, message: null).ToResult(context.Response, fault.RetryAfterSeconds)
                : await faults.HangAsync(context, fault, cancellationToken));
        }

        if (DepictaAuth.Account(context.Request, options) is not { } account)
        {
            return (null, null, DepictaError.Unauthorized().ToResult(context.Response));
        }

        var lease = gate.Enter(account);
        return lease.IsAcquired
            ? (account, lease, null)
            : (account, lease, DepictaError.RateLimited().ToResult(context.Response, options.Value.Depicta.RateLimitRetryAfterSeconds));
    }

    private DepictaJobBody Body(HttpRequest request, DepictaJob job, DepictaJobState state)
    {
        var story = job.Story;
        var completed = state.IsCompleted;
        return new DepictaJobBody(
            job.Id,
            "story",
            story.Model.Id,
            state.Status,
            state.ScenesCompleted,
            story.Scenes.Count,
            job.CreatedAt,
            completed ? Result(request, job) : null,
            state.IsFailed && job.Failure is { } failure ? new DepictaJobErrorBody(failure.Code, failure.Message) : null,
            completed ? Eur(job.CostEur) : null,
            completed ? Eur(job.BalanceEur) : null);
    }

    private DepictaStoryResult Result(HttpRequest request, DepictaJob job)
    {
        var story = job.Story;
        string Link(int index, string fileName) => links.Create(request, new FileAddress(Provider, job.Id, index), fileName);
        string Scene(int scene, Imaging.ImageFormat format) =>
            Link(DepictaFileSource.SceneIndex(scene, format), DepictaFileSource.SceneFileName(job.Id, scene, format));

        var scenes = story.Scenes
            .Select((scene, s) => new DepictaSceneResult(
                scene.Prompt,
                new DepictaSceneImages(Scene(s, Imaging.ImageFormat.Png), Scene(s, Imaging.ImageFormat.Jpeg), Scene(s, Imaging.ImageFormat.Webp))))
            .ToList();
        var characters = story.CharacterNames
            .Select((name, c) => new DepictaCharacterResult(
                name,
                Link(DepictaFileSource.PortraitIndex(story, c), DepictaFileSource.PortraitFileName(job.Id, c))))
            .ToList();
        return new DepictaStoryResult(scenes, characters);
    }

    /// <summary>EUR as Depicta writes it: a decimal string with six places, e.g. <c>"0.045000"</c> (docs/PROVIDERS.md §4.1).</summary>
    private static string Eur(decimal amount) => amount.ToString("0.000000", CultureInfo.InvariantCulture);
}
