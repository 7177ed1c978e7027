namespace Workers.Persistence.Generations;

/// <summary>The values of <c>generations.status</c>.</summary>
public static class GenerationStatus
{
    /// <summary>Intent recorded; no submission in flight.</summary>
    public const string Pending = "pending";

    /// <summary>A submission call is in flight, or crashed mid-call (then the outcome is unknown).</summary>
    public const string Submitting = "submitting";

    public const string Submitted = "submitted";

    public const string Running = "running";

    public const string Completed = "completed";

    public const string Failed = "failed";

    public static bool IsTerminal(string status) => status is Completed or Failed;
}
