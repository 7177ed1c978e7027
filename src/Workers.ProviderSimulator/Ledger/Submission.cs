namespace Workers.ProviderSimulator.Ledger;

/// <summary>One accepted (and so charged) submission, as <c>GET /_control/submissions</c> lists it.</summary>
/// <remarks>
/// <c>Account</c> is the credential that submitted it (UniAll/Apikley/Depicta: the API key; TopView: the uid);
/// <c>N</c> is the number of results asked for; <c>Prompt</c> is the text scripts match (the prompt, story or the
/// scene prompts joined); <c>ClientReference</c> is the caller's <c>X-Client-Reference</c> header, which real providers
/// ignore and the fleet sends with its request id so a test can count submissions per generation request.
/// </remarks>
public sealed record Submission(
    string Provider,
    string TaskId,
    string Account,
    string Model,
    string Prompt,
    int N,
    DateTimeOffset CreatedAt,
    string? ClientReference = null)
{
    /// <summary>The request header a caller may set to tag its submissions (ignored by the real providers).</summary>
    public const string ClientReferenceHeader = "X-Client-Reference";

    /// <summary>The client reference of <paramref name="request"/>, or null when it has none.</summary>
    public static string? ClientReferenceOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers[ClientReferenceHeader].ToString();
        return value.Length == 0 ? null : value;
    }
}
