namespace ResponseMonitor.App.Api.ReadCache;

/// <summary>
/// On every route that writes (labels, silences, webhooks, imports, …): drops the cached reads once it has run, so
/// that whoever wrote sees the change at once. Run whatever the outcome, since a failed write may have stored part.
/// </summary>
internal sealed class ReadCacheInvalidationFilter(ApiReadCache cache) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        finally
        {
            cache.Invalidate();
        }
    }
}
