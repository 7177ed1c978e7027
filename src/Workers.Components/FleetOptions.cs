using System.ComponentModel.DataAnnotations;

namespace Workers.Components;

/// <summary>What this process does (section <c>Fleet</c>): its roles, its providers, and endpoint concurrency.</summary>
public sealed class FleetOptions
{
    public const string SectionName = "Fleet";

    /// <summary>Any of <c>submit</c>, <c>poll</c>, <c>results</c>, <c>callbacks</c>; all of them when empty.</summary>
    /// <remarks>Lists start empty: the configuration binder appends to a pre-filled list instead of replacing it.</remarks>
    public List<string> Roles { get; set; } = [];

    /// <summary>The providers whose submit and poll queues (and callbacks) this process serves; every provider of the build when empty.</summary>
    public List<string> Providers { get; set; } = [];

    /// <summary>Kind → provider for commands that name none.</summary>
    public Dictionary<string, string> DefaultProviders { get; set; } = new(StringComparer.Ordinal) { ["image"] = "uniall" };

    [Range(1, 512)]
    public int SubmitConcurrency { get; set; } = 8;

    [Range(1, 512)]
    public int PollConcurrency { get; set; } = 32;

    [Range(1, 512)]
    public int ResultsConcurrency { get; set; } = 4;

    /// <summary>
    /// How long one worker holds a request while it prepares and submits it; a crashed worker's request is taken up again
    /// after this. Longer than any upload plus the submit call's total timeout.
    /// </summary>
    [Range(30, 24 * 3600)]
    public int SubmissionLeaseSeconds { get; set; } = 600;

    /// <summary>How long a stopping replica lets in-flight messages finish before it stops consuming for good.</summary>
    [Range(1, 3600)]
    public int ShutdownDrainSeconds { get; set; } = 60;

    /// <summary>Attempts at copying a finished task's artifacts before the request fails.</summary>
    [Range(1, 50)]
    public int MaxResultAttempts { get; set; } = 5;

    /// <summary>Delay between those attempts.</summary>
    [Range(1, 3600)]
    public int ResultRetryDelaySeconds { get; set; } = 10;

    /// <summary>An artifact download that sends no byte for this long fails its item.</summary>
    [Range(1, 3600)]
    public int DownloadReadIdleSeconds { get; set; } = 30;

    /// <summary>Limit of one artifact's whole download (a 2 GB video at a slow 5 MB/s takes 7 minutes).</summary>
    [Range(1, 86_400)]
    public int DownloadTimeoutSeconds { get; set; } = 1800;

    /// <summary>
    /// The largest command body accepted, in bytes (1 MiB). Larger ones are failed as validation (when their request id can
    /// be read) before they are deserialized into a command: no provider takes a prompt that size, and every byte of a
    /// command is kept in its row.
    /// </summary>
    [Range(1024, 128 * 1024 * 1024)]
    public int MaxCommandBytes { get; set; } = 1024 * 1024;

    /// <summary>Fills the lists left empty by configuration.</summary>
    public FleetOptions WithDefaults()
    {
        if (Roles.Count == 0)
        {
            Roles.AddRange([FleetRoles.Submit, FleetRoles.Poll, FleetRoles.Results, FleetRoles.Callbacks]);
        }

        if (Providers.Count == 0)
        {
            Providers.AddRange(Workers.Providers.ProviderCatalog.All.Select(p => p.Name));
        }

        return this;
    }

    public bool Has(string role) => Roles.Contains(role, StringComparer.OrdinalIgnoreCase);
}

/// <summary>The roles a fleet process can take.</summary>
public static class FleetRoles
{
    public const string Submit = "submit";
    public const string Poll = "poll";
    public const string Results = "results";

    /// <summary>The HTTP endpoint that receives provider callbacks (<c>POST /callbacks/…</c>).</summary>
    public const string Callbacks = "callbacks";
}
