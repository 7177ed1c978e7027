using Microsoft.Extensions.Options;
using Workers.ProviderSimulator.Files;

namespace Workers.ProviderSimulator.TopView;

/// <summary>Registers and maps the simulated TopView API (seeds 000 and 003, docs/PROVIDERS.md §0–§2).</summary>
public static class TopViewEndpoints
{
    /// <summary>
    /// Path prefix under which TopView is also served, so the fleet can point at <c>…/topview</c> as UniAll's
    /// clients point at <c>…/uniall</c> (TopView's <c>/v1/upload/…</c> is generic enough to collide later).
    /// </summary>
    public const string PathPrefix = "/topview";

    // [ASSUMPTION] Credits expire a year after they are looked at: TopView's expiredTime semantics are not documented.
    private static readonly TimeSpan CreditValidity = TimeSpan.FromDays(365);

    public static IServiceCollection AddTopView(this IServiceCollection services)
    {
        services.AddSingleton<TopViewTaskStore>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<TopViewTaskStore>());
        services.AddSingleton<TopViewUploads>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<TopViewUploads>());
        services.AddSingleton<TopViewAccounts>();
        services.AddSingleton<IResettableState>(sp => sp.GetRequiredService<TopViewAccounts>());
        services.AddSingleton<ISimulatedFileSource, TopViewFileSource>();
        services.AddSingleton<TopViewResults>();
        services.AddSingleton<TopViewNotices>();
        services.AddSingleton<TopViewSubmitHandler>();
        services.AddSingleton<TopViewQueryHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapTopView(this IEndpointRouteBuilder endpoints)
    {
        MapRoutes(endpoints);
        MapRoutes(endpoints.MapGroup(PathPrefix));
        return endpoints;
    }

    private static void MapRoutes(IEndpointRouteBuilder routes)
    {
        MapTaskKind(routes, "/v1/common_task/storyboard/task", TopViewTaskKind.Storyboard);
        MapTaskKind(routes, "/v2/common_task/image2video/task", TopViewTaskKind.ImageToVideo);
        TopViewUploadEndpoints.Map(routes);
        routes.MapGet("/user/credit/detail", CreditDetail);
        routes.MapPost("/notice/notice_url/check", CheckNoticeUrlAsync);
    }

    private static void MapTaskKind(IEndpointRouteBuilder routes, string prefix, TopViewTaskKind kind)
    {
        routes.MapPost(
            prefix + "/submit",
            (HttpContext context, TopViewSubmitHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(context, kind, cancellationToken));

        routes.MapGet(
            prefix + "/query",
            (HttpContext context, TopViewQueryHandler handler, CancellationToken cancellationToken) =>
                handler.HandleAsync(context, kind, cancellationToken));
    }

    private static IResult CreditDetail(HttpRequest request, TopViewAccounts accounts, TimeProvider time, IOptions<SimulatorOptions> options)
    {
        if (TopViewAuth.Uid(request, options) is not { } uid)
        {
            return TopViewError.Unauthorized().ToResult();
        }

        var expires = (time.GetUtcNow() + CreditValidity).ToUnixTimeMilliseconds();
        return TopViewEnvelope.Ok(new TopViewCreditDetail(accounts.Remaining(uid), expires));
    }

    /// <summary>
    /// The optional pre-flight of docs/PROVIDERS.md §0.3 (body <c>{ "noticeUrl": "…" }</c>). [ASSUMPTION] It checks the URL's
    /// shape only (result <c>true</c>); the real service may also call it.
    /// </summary>
    private static async Task<IResult> CheckNoticeUrlAsync(HttpRequest request, IOptions<SimulatorOptions> options, CancellationToken cancellationToken)
    {
        if (TopViewAuth.Uid(request, options) is null)
        {
            return TopViewError.Unauthorized().ToResult();
        }

        var (body, readError) = await TopViewJsonBody.ReadAsync(request, cancellationToken);
        if (readError is not null)
        {
            return readError.ToResult();
        }

        var text = TopViewCommonFields.Blank(body!.String("noticeUrl"));
        if (body.Error is { } typeError)
        {
            return typeError.ToResult();
        }

        if (text is null)
        {
            return TopViewError.Missing("noticeUrl").ToResult();
        }

        return TopViewCommonFields.IsHttpUrl(text, out _)
            ? TopViewEnvelope.Ok(true)
            : TopViewError.Invalid("noticeUrl must be an absolute http(s) URL.").ToResult();
    }
}
