using System.Globalization;
using ResponseMonitor.App.Api;
using ResponseMonitor.Connectors.GenericFeed;

namespace ResponseMonitor.App.Demo;

/// <summary><c>GET /api/demo/feeds/{channelId}</c>: the seed brand's channels as generic feeds (key required).</summary>
internal static class DemoEndpoints
{
    public static RouteGroupBuilder MapDemoEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/demo/feeds/{channelId}", (string channelId, string? since, string? pageToken, DemoFeed feed) =>
        {
            DateTimeOffset? from = null;
            if (!string.IsNullOrEmpty(since))
            {
                if (!DateTimeOffset.TryParse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return Problems.BadRequest($"Query 'since' must be an ISO-8601 time, not '{since}'.");
                }

                from = parsed;
            }

            var offset = 0;
            if (!string.IsNullOrEmpty(pageToken) && (!int.TryParse(pageToken, CultureInfo.InvariantCulture, out offset) || offset < 0))
            {
                return Problems.BadRequest($"Query 'pageToken' '{pageToken}' was not issued by this feed.");
            }

            return feed.GetPage(channelId, from, offset) is { } page
                ? Results.Json(page, FeedJsonContext.Default.FeedPageDto)
                : Problems.UnknownChannel(channelId);
        });
        return api;
    }
}
