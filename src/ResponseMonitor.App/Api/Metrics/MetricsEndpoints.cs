using ResponseMonitor.App.Functions;
using Microsoft.Extensions.Options;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Metrics;

namespace ResponseMonitor.App.Api.Metrics;

/// <summary>
/// Response metrics for any window (<c>GET /api/metrics</c>) and what the clock left out, with the reason
/// (<c>GET /api/metrics/exclusions</c>). Computed on demand from stored items; a window is at most a year.
/// </summary>
public static class MetricsEndpoints
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.GetMetrics, "metrics", GetMetricsAsync),
        ApiRoute.Get(FunctionNames.ListExclusions, "metrics/exclusions", GetExclusionsAsync),
        ApiRoute.Get(FunctionNames.GetDailyMetrics, "metrics/daily", GetDailyAsync),
    ];

    private static async Task<IResult> GetMetricsAsync(HttpRequest request, IChannelCatalog catalog, MetricsService metrics, IOptions<AnalysisOptions> analysis, TimeProvider time, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("from", "to", "channel", "brand");
        if (q.String("channel") is { } channelId && catalog.Find(channelId) is null)
        {
            return Problems.UnknownChannel(channelId);
        }

        var window = Window(q, analysis.Value, time);
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        var brand = q.String("brand");
        if (brand is not null && catalog.FindBrand(brand) is null)
        {
            return Problems.UnknownBrand(brand);
        }

        var channels = catalog.All
            .Where(c => q.String("channel") is not { } id || string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase))
            .Where(c => brand is null || string.Equals(c.Brand, brand, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var report = await metrics.ReportAsync(channels, window.From, window.To, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var perChannel = report.Channels.Select(c =>
        {
            var retainedFrom = c.Channel.Retention.ItemsFrom(now);
            return new ChannelMetricsDto(c.Channel.Id, c.Channel.Name, c.Channel.Brand, c.Channel.BusinessHours is not null, Map(c.Metrics), retainedFrom, report.Window.From >= retainedFrom);
        }).ToList();
        var response = new MetricsResponse(
            report.Window.From,
            report.Window.To,
            report.Window.AsOf,
            Map(report.Total),
            report.Brands.Select(b => new BrandMetricsDto(b.Brand, b.ChannelCount, Map(b.Metrics))).ToList(),
            perChannel,
            perChannel.All(c => c.Complete));
        return Results.Json(response, ApiJsonContext.Default.MetricsResponse);
    }

    /// <summary>The last <c>days</c> (1–90, 30) calendar days in each channel's time zone, for the page's per-day charts.</summary>
    private static async Task<IResult> GetDailyAsync(HttpRequest request, IChannelCatalog catalog, MetricsService metrics, TimeProvider time, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("days", "channel", "brand");
        var days = q.Int("days", 30, 1, 90);
        IReadOnlyList<ChannelDefinition> channels = [.. catalog.All];
        if (q.String("channel") is { } channelId)
        {
            if (catalog.Find(channelId) is not { } channel)
            {
                return Problems.UnknownChannel(channelId);
            }

            channels = [channel];
        }

        if (q.String("brand") is { } brand)
        {
            channels = [.. channels.Where(c => string.Equals(c.Brand, brand, StringComparison.OrdinalIgnoreCase))];
            if (channels.Count == 0)
            {
                return Problems.UnknownBrand(brand);
            }
        }

        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        var asOf = time.GetUtcNow();
        var daily = await metrics.DailyAsync(channels, days, cancellationToken).ConfigureAwait(false);
        return Results.Json(
            new DailyMetricsResponse(asOf, [.. daily.Select(d => new DailyMetricsDto(d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Map(d.Metrics)))]),
            ApiJsonContext.Default.DailyMetricsResponse);
    }

    /// <summary>What the response clock left out: of one channel, or of every channel (oldest first) without <c>channel</c>.</summary>
    private static async Task<IResult> GetExclusionsAsync(HttpRequest request, IChannelCatalog catalog, MetricsService metrics, IOptions<AnalysisOptions> analysis, TimeProvider time, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("channel", "from", "to", "limit");
        IReadOnlyList<ChannelDefinition> channels = [.. catalog.All];
        if (q.String("channel") is { } channelId)
        {
            if (catalog.Find(channelId) is not { } channel)
            {
                return Problems.UnknownChannel(channelId);
            }

            channels = [channel];
        }

        var window = Window(q, analysis.Value, time);
        var limit = q.Int("limit", 100, 1, 1000);
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        // One channel's clock at a time: memory holds one channel's window, and the answer keeps the first `limit`.
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var items = new List<ExclusionDto>();
        MetricsWindow? span = null;
        foreach (var channel in channels)
        {
            var (channelSpan, excluded) = await metrics.ExclusionsAsync(channel, window.From, window.To, cancellationToken).ConfigureAwait(false);
            span ??= channelSpan;
            foreach (var group in excluded.GroupBy(e => ExclusionReasonNames.Name(e.Reason)))
            {
                counts[group.Key] = counts.GetValueOrDefault(group.Key) + group.Count();
            }

            items.AddRange(excluded.Take(limit).Select(e => new ExclusionDto(e.Item.Id, e.Item.ParentId, e.Item.ThreadId, e.Item.AuthorId, e.Item.CreatedAt, ExclusionReasonNames.Name(e.Reason), e.Item.Text, e.Item.Url) { ChannelId = channel.Id }));
            items = [.. items.OrderBy(i => i.CreatedAt).ThenBy(i => i.ChannelId, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal).Take(limit)];
        }

        span ??= MetricsWindow.Create(window.From, window.To, time.GetUtcNow());
        return Results.Json(new ExclusionListResponse(channels.Count == 1 ? channels[0].Id : null, span.From, span.To, span.AsOf, counts, items), ApiJsonContext.Default.ExclusionListResponse);
    }

    private static (DateTimeOffset From, DateTimeOffset To) Window(ApiQuery q, AnalysisOptions analysis, TimeProvider time)
    {
        var now = time.GetUtcNow();
        var to = q.Instant("to") ?? now;
        var from = q.Instant("from") ?? to - analysis.Window;
        if (from >= to)
        {
            q.Fail("Query 'from' must be before 'to'.");
        }
        else if (to - from > MaxWindow)
        {
            q.Fail($"A window is at most {MaxWindow.TotalDays:0} days; ask for several.");
        }

        return (from, to);
    }

    internal static MetricsDto Map(ResponseMetrics m) => new(
        m.AnswerableCount,
        m.AnsweredCount,
        m.ResponseRate is { } rate ? Math.Round(rate, 4) : null,
        Map(m.FirstResponse),
        Map(m.NextResponse),
        Map(m.UnansweredAge),
        m.Excluded.OrderBy(e => e.Key).ToDictionary(e => ExclusionReasonNames.Name(e.Key), e => e.Value));

    private static TimedSummaryDto Map(TimedSummary t) => new(Map(t.Wall), Map(t.Business));

    private static DurationSummaryDto Map(DurationSummary d) => new(
        d.Count,
        Seconds(d.Mean),
        Seconds(d.Median),
        Seconds(d.P90),
        new DurationBucketsDto(d.Buckets.UpTo1Hour, d.Buckets.From1To4Hours, d.Buckets.From4To8Hours, d.Buckets.From8To24Hours, d.Buckets.Over24Hours));

    private static double? Seconds(TimeSpan? span) => span is { } s ? Math.Round(s.TotalSeconds, 3) : null;
}
