using Microsoft.AspNetCore.Routing.Patterns;

namespace ResponseMonitor.App.Api;

/// <summary>
/// One API route, served the same way by both hosts: standalone maps <see cref="Handler"/> on Kestrel under /api, and
/// the isolated worker exposes it as the HTTP function <see cref="Name"/> with the same template and method, which
/// hands the request to the same handler (<see cref="RouteHandlerInvoker"/>).
/// </summary>
/// <param name="Name">The function name in Azure; the endpoint name standalone.</param>
/// <param name="Method">One HTTP method.</param>
/// <param name="Template">The route below /api, as in the function's <c>Route</c>.</param>
/// <param name="Handler">A minimal-API handler: route values, query, body and services bound by ASP.NET Core.</param>
/// <param name="Anonymous">No key: health and webhooks (which check their own signatures).</param>
internal sealed record ApiRoute(string Name, string Method, string Template, Delegate Handler, bool Anonymous = false)
{
    /// <summary>The route filters by a <c>channel</c> query, which <see cref="KnownChannelFilter"/> checks as it checks a <c>{channelId}</c>.</summary>
    public bool ChannelQuery { get; init; }

    /// <summary>The names of the template's parameters, which bind from route values in both hosts.</summary>
    public IReadOnlyList<string> RouteParameters { get; } = RoutePatternFactory.Parse(Template).Parameters.Select(p => p.Name).ToList();

    public static ApiRoute Get(string name, string template, Delegate handler, bool anonymous = false) => new(name, HttpMethods.Get, template, handler, anonymous);

    public static ApiRoute Post(string name, string template, Delegate handler, bool anonymous = false) => new(name, HttpMethods.Post, template, handler, anonymous);

    public static ApiRoute Delete(string name, string template, Delegate handler) => new(name, HttpMethods.Delete, template, handler);
}
