namespace Workers.ProviderSimulator.Apikley;

/// <summary>The <c>state</c> values of recordInfo (docs/PROVIDERS.md §3.3): the first three are not terminal.</summary>
internal static class ApikleyStates
{
    public const string Waiting = "waiting";
    public const string Queuing = "queuing";
    public const string Generating = "generating";
    public const string Success = "success";
    public const string Fail = "fail";
}
