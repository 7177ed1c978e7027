using Polly;

namespace Workers.Providers.Http;

/// <summary>Runs every request of a provider client through that provider's resilience pipeline.</summary>
public sealed class ResilienceHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ProviderResiliencePipeline.IsIdempotent, request.Method == HttpMethod.Get || request.Method == HttpMethod.Head);
        try
        {
            return await pipeline.ExecuteAsync(
                static (ctx, state) => new ValueTask<HttpResponseMessage>(state.Handler.BaseSendAsync(state.Request, ctx.CancellationToken)),
                context,
                (Handler: this, Request: request)).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private Task<HttpResponseMessage> BaseSendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
