using System.ComponentModel.DataAnnotations;

namespace Workers.Components.Sweeping;

/// <summary>The safety net that ends every request (section <c>Fleet:Sweeper</c>).</summary>
public sealed class SweeperOptions
{
    public const string SectionName = "Fleet:Sweeper";

    /// <summary>Time between sweeps.</summary>
    [Range(1, 3600)]
    public int IntervalSeconds { get; set; } = 30;

    /// <summary>
    /// An unfinished row unchanged this long has lost the message that was carrying it (parked in an error queue, or
    /// lost with a crash): its work is started again. Longer than any poll interval, retry delay or submission lease.
    /// </summary>
    [Range(1, 7 * 24 * 3600)]
    public int StaleAfterSeconds { get; set; } = 900;

    /// <summary>A submitted request this long past its deadline without an outcome is ended as <c>timeout</c>.</summary>
    [Range(0, 24 * 3600)]
    public int DeadlineGraceSeconds { get; set; } = 120;

    /// <summary>A request not yet accepted by its provider this long after the fleet first saw it is given up.</summary>
    [Range(60, 7 * 24 * 3600)]
    public int MaxUnsubmittedSeconds { get; set; } = 6 * 3600;

    /// <summary>Rows handled per sweep.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 200;
}
