namespace Workers.ProviderSimulator.Depicta;

/// <summary>Job statuses: <c>pending</c>, <c>completed</c>, <c>failed</c> are documented; <c>processing</c> is [ASSUMPTION] (docs/PROVIDERS.md §4.4).</summary>
internal static class DepictaStatuses
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
}
