using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.App.Api;

/// <summary>
/// The one check for an unknown channel, before any keyed route's handler runs, in both hosts (standalone maps it as
/// an endpoint filter; <see cref="RouteHandlerInvoker"/> builds it into the worker's request delegate): a
/// <c>{channelId}</c> in the route, or the <c>channel</c> query of a route that takes one, that names no configured
/// channel is a 404 problem. Handlers then read the channel with <see cref="Known"/>.
/// </summary>
internal sealed class KnownChannelFilter(IChannelCatalog catalog, bool channelQuery) : IEndpointFilter
{
    /// <summary>The route value that names a channel.</summary>
    public const string RouteValue = "channelId";

    /// <summary>The query parameter that names a channel on routes that filter by one.</summary>
    public const string QueryName = "channel";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        return Refusal(context.HttpContext.Request) ?? await next(context).ConfigureAwait(false);
    }

    /// <summary>The 404 for the first channel the request names that is not configured; null when all are.</summary>
    public ProblemHttpResult? Refusal(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RouteValues.TryGetValue(RouteValue, out var value) && value?.ToString() is { Length: > 0 } id && catalog.Find(id) is null)
        {
            return Problems.UnknownChannel(id);
        }

        if (channelQuery && request.Query[QueryName].FirstOrDefault() is { Length: > 0 } queried && catalog.Find(queried) is null)
        {
            return Problems.UnknownChannel(queried);
        }

        return null;
    }

    /// <summary>The channel a route or query named: the filter has checked it is configured.</summary>
    public static ChannelDefinition Known(IChannelCatalog catalog, string channelId)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Find(channelId) ?? throw new InvalidOperationException($"Channel '{channelId}' was not checked by {nameof(KnownChannelFilter)}.");
    }
}
