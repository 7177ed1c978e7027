namespace Workers.ProviderSimulator.Ledger;

/// <summary>One accepted (and so charged) submission, as <c>GET /_control/submissions</c> lists it.</summary>
/// <remarks><c>Account</c> is the credential that submitted it (UniAll: the API key); <c>N</c> is the number of images asked for.</remarks>
public sealed record Submission(
    string Provider,
    string TaskId,
    string Account,
    string Model,
    string Prompt,
    int N,
    DateTimeOffset CreatedAt);
