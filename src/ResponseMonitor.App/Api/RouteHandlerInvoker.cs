using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Options;
using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.App.Configuration;
using ResponseMonitor.Domain.Channels;

namespace ResponseMonitor.App.Api;

/// <summary>
/// Runs an <see cref="ApiRoute"/>'s handler for an HTTP function in the isolated worker. The request delegate is built
/// by ASP.NET Core's own <see cref="RequestDelegateFactory"/>, the factory behind MapGet and friends, so route values,
/// query, body and services bind exactly as they do standalone. Built once per route, on first use.
/// </summary>
internal sealed class RouteHandlerInvoker(IServiceProvider services, IOptions<ApiOptions> options, ApiReadCache cache)
{
    private static readonly FrozenDictionary<string, ApiRoute> Routes = ApiRoutes.All.ToFrozenDictionary(r => r.Name, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RequestDelegate> _delegates = new(StringComparer.Ordinal);

    /// <summary>The function's answer: an <see cref="IResult"/> the worker executes on the request's HttpContext.</summary>
    /// <param name="name">The function (and route) name.</param>
    /// <param name="request">The request the worker bound to the trigger.</param>
    /// <param name="routeValues">The route parameters the worker bound to the function's own parameters.</param>
    public IResult Invoke(string name, HttpRequest request, params ReadOnlySpan<(string Name, string? Value)> routeValues)
    {
        ArgumentNullException.ThrowIfNull(request);
        var route = Routes.GetValueOrDefault(name) ?? throw new ArgumentException($"No API route is named '{name}'.", nameof(name));
        var handler = _delegates.GetOrAdd(name, static (_, state) => Build(state.route, state.services, state.cache), (route, services, cache));

        // The worker's routing usually sets these already; the function's bound parameters are the same values.
        foreach (var (key, value) in routeValues)
        {
            if (value is not null)
            {
                request.RouteValues[key] = value;
            }
        }

        // The host checked the function key; an Api:Key, where one is set, is checked as well, as standalone.
        if (!route.Anonymous && ApiKeyFilter.Refusal(request, options.Value.Key) is { } refusal)
        {
            return refusal;
        }

        return new RouteHandlerResult(handler);
    }

    private static RequestDelegate Build(ApiRoute route, IServiceProvider services, ApiReadCache cache)
    {
        // The same endpoint filter standalone maps (after the key, which Invoke checked): one unknown-channel check.
        var endpoint = new RouteEndpointBuilder(null, RoutePatternFactory.Parse("/" + route.Template), 0) { ApplicationServices = services };
        if (!route.Anonymous)
        {
            var filter = new KnownChannelFilter(services.GetRequiredService<IChannelCatalog>(), route.ChannelQuery);
            endpoint.FilterFactories.Add((_, next) => context => filter.InvokeAsync(context, next));
        }

        var handler = RequestDelegateFactory.Create(
            route.Handler,
            new RequestDelegateFactoryOptions { ServiceProvider = services, RouteParameterNames = route.RouteParameters, EndpointBuilder = endpoint }).RequestDelegate;
        if (route.Method == HttpMethods.Get)
        {
            return handler;
        }

        // As ReadCacheInvalidationFilter standalone: a write drops the cached reads, whatever its outcome.
        return async context =>
        {
            try
            {
                await handler(context).ConfigureAwait(false);
            }
            finally
            {
                cache.Invalidate();
            }
        };
    }
}
