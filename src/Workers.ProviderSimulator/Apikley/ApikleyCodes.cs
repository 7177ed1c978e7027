namespace Workers.ProviderSimulator.Apikley;

/// <summary>The body codes of seed 001 (<c>ApiResponse.code</c>), and the HTTP status each stands for in the counters.</summary>
internal static class ApikleyCodes
{
    public const int Success = 200;
    public const int Unauthorized = 401;
    public const int InsufficientCredits = 402;
    public const int NotFound = 404;
    public const int Validation = 422;
    public const int RateLimited = 429;
    public const int Maintenance = 455;
    public const int ServerError = 500;
    public const int GenerationFailed = 501;
    public const int FeatureDisabled = 505;

    /// <summary>
    /// The HTTP status a business code is counted under: itself, except the two that are not HTTP statuses in
    /// meaning (455 maintenance and 505 feature disabled), counted as 503.
    /// </summary>
    public static int HttpStatusFor(int code) => code switch
    {
        Maintenance or FeatureDisabled => StatusCodes.Status503ServiceUnavailable,
        _ => code,
    };
}
