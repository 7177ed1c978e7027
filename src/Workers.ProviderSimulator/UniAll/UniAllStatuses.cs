namespace Workers.ProviderSimulator.UniAll;

/// <summary>UniAll's task status enum (seed 004 §6).</summary>
internal static class UniAllStatuses
{
    public const string Queued = "queued";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
}
