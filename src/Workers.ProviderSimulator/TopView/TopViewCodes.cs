namespace Workers.ProviderSimulator.TopView;

/// <summary>
/// TopView's business codes (docs/PROVIDERS.md §0.1): strings in the body's <c>code</c>, answered with HTTP 200, and the HTTP
/// status each one stands for in the simulator's counters.
/// </summary>
internal static class TopViewCodes
{
    public const string Success = "200";
    public const string Unauthorized = "401";
    public const string ParameterError = "4000";
    public const string FormatMismatch = "4001";
    public const string RequiredParameterNull = "4003";
    public const string NotFound = "4004";
    public const string RequestRefused = "4006";
    public const string UnfinishedTaskExists = "4007";
    public const string CreditNotEnough = "4100";
    public const string InternalError = "5000";
    public const string FeignInvokeError = "5001";
    public const string ServerBusy = "5003";
    public const string IoError = "5004";
    public const string UnknownError = "5005";
    public const string SecurityProblem = "6001";

    /// <summary>The HTTP status a business code is counted under (a rejected submission's "real" meaning).</summary>
    public static int StandsFor(string code) => code switch
    {
        Unauthorized => StatusCodes.Status401Unauthorized,
        ParameterError or FormatMismatch or RequiredParameterNull => StatusCodes.Status400BadRequest,
        NotFound => StatusCodes.Status404NotFound,
        RequestRefused => StatusCodes.Status403Forbidden,
        UnfinishedTaskExists => StatusCodes.Status429TooManyRequests,
        CreditNotEnough => StatusCodes.Status402PaymentRequired,
        SecurityProblem => StatusCodes.Status422UnprocessableEntity,
        ServerBusy => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>
    /// [ASSUMPTION] The body code sent with an HTTP-level rejection (scripted <c>httpStatus</c>, injected fault):
    /// TopView documents none, so each status gets the table's nearest code.
    /// </summary>
    public static string ForHttpStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ParameterError,
        StatusCodes.Status401Unauthorized => Unauthorized,
        StatusCodes.Status402PaymentRequired => CreditNotEnough,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable => ServerBusy,
        StatusCodes.Status500InternalServerError => InternalError,
        StatusCodes.Status502BadGateway => FeignInvokeError,
        StatusCodes.Status504GatewayTimeout => IoError,
        < 500 => RequestRefused,
        _ => UnknownError,
    };
}
