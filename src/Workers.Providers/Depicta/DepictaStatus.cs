using System.Globalization;
using Workers.Contracts;
using Workers.Providers.Abstractions;

namespace Workers.Providers.Depicta;

/// <summary>Maps a Depicta job to the provider-neutral <see cref="ProviderTaskState"/>.</summary>
public static class DepictaStatus
{
    public const string Pending = "pending";

    public const string Completed = "completed";

    public const string Failed = "failed";

    /// <summary>
    /// The job's state; scene images in <paramref name="imageFormat"/> (png when the job lacks it), then the character
    /// portraits Depicta generated, both in Depicta's order.
    /// </summary>
    public static ProviderTaskState ToState(DepictaJob job, string imageFormat)
    {
        ArgumentNullException.ThrowIfNull(job);
        var status = job.Status ?? "";
        var phase = status switch
        {
            Pending => ProviderTaskPhase.Queued,
            Completed => ProviderTaskPhase.Succeeded,
            Failed => ProviderTaskPhase.Failed,
            // "processing" and anything undocumented: still running; the deadline ends it if it never moves.
            _ => ProviderTaskPhase.Running,
        };
        var failed = phase == ProviderTaskPhase.Failed;
        return new ProviderTaskState
        {
            Phase = phase,
            ProviderStatus = status,
            ItemsCompleted = job.ScenesCompleted,
            ItemsTotal = job.ScenesTotal,
            Items = phase == ProviderTaskPhase.Succeeded ? Items(job.Result, imageFormat) : [],
            ErrorCode = failed ? ErrorCode(job.Error?.Code) : null,
            ErrorMessage = failed ? job.Error?.Message ?? "Depicta reported the story failed" : null,
            ProviderCode = failed ? job.Error?.Code ?? status : null,
            ReportedCost = Cost(job.CostEur),
        };
    }

    /// <summary><c>cost_eur</c> as a reported EUR cost; null when absent or unreadable.</summary>
    public static CreditCost? Cost(string? costEur) =>
        decimal.TryParse(costEur, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            ? new CreditCost { Amount = amount, Unit = "EUR", Source = CostSources.Reported }
            : null;

    private static IReadOnlyList<ProviderResultItem> Items(DepictaStoryResult? result, string imageFormat)
    {
        var items = new List<ProviderResultItem>();
        var scenes = result?.Scenes ?? [];
        for (var i = 0; i < scenes.Count; i++)
        {
            var images = scenes[i]?.Images;
            var url = images?.GetValueOrDefault(imageFormat) ?? images?.GetValueOrDefault(DepictaModels.DefaultImageFormat);
            items.Add(url is { Length: > 0 }
                ? new ProviderResultItem { Role = ArtifactRoles.Scene, Url = url }
                : new ProviderResultItem
                {
                    Role = ArtifactRoles.Scene,
                    Succeeded = false,
                    ErrorMessage = $"Depicta returned no {imageFormat} or png image for scene {i + 1}.",
                });
        }

        foreach (var character in result?.Characters ?? [])
        {
            items.Add(character?.ReferenceUrl is { Length: > 0 } url
                ? new ProviderResultItem { Role = ArtifactRoles.Character, Name = character.Name, Url = url }
                : new ProviderResultItem
                {
                    Role = ArtifactRoles.Character,
                    Name = character?.Name,
                    Succeeded = false,
                    ErrorMessage = $"Depicta returned no portrait for character '{character?.Name}'.",
                });
        }

        return items;
    }

    private static string ErrorCode(string? code) =>
        code == DepictaErrors.ContentRejected ? GenerationErrorCodes.ContentPolicy : GenerationErrorCodes.ProviderFailed;
}
