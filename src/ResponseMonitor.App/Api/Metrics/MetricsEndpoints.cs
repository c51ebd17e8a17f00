using ResponseMonitor.App.Api.Paging;
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
internal static class MetricsEndpoints
{
    private static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.GetMetrics, "metrics", GetMetricsAsync) with { ChannelQuery = true },
        ApiRoute.Get(FunctionNames.ListExclusions, "metrics/exclusions", GetExclusionsAsync) with { ChannelQuery = true },
        ApiRoute.Get(FunctionNames.GetDailyMetrics, "metrics/daily", GetDailyAsync) with { ChannelQuery = true },
    ];

    /// <summary>
    /// The window's figures in total, per brand and per channel; the channels come a page at a time (README.md,
    /// "Paging"): <c>limit</c> (1–1000, 1000) in configuration order after <c>after</c>. Totals count every channel asked for.
    /// </summary>
    private static async Task<Results<Ok<MetricsResponse>, ProblemHttpResult>> GetMetricsAsync([AsParameters] MetricsServices services, HttpRequest request, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("from", "to", "channel", "brand", "limit", "after");
        var window = Window(q, services.Analysis.Value, services.Time);
        var page = PageRequest.Read(q, "metrics", 2, defaultLimit: PageRequest.MaxLimit);
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        if (Channels(q, services.Catalog) is not { } channels)
        {
            return Problems.UnknownBrand(q.String("brand")!);
        }

        var report = await services.Metrics.ReportAsync(channels, window.From, window.To, cancellationToken).ConfigureAwait(false);
        var now = services.Time.GetUtcNow();
        var position = Positions(services.Catalog);
        var perChannel = report.Channels.Select(c =>
        {
            var retainedFrom = c.Channel.Retention.ItemsFrom(now);
            return new ChannelMetricsDto(c.Channel.Id, c.Channel.Name, c.Channel.Brand, c.Channel.BusinessHours is not null, Map(c.Metrics), retainedFrom, report.Window.From >= retainedFrom)
            {
                Listening = c.Listening is { } listening ? ListeningMapper.Map(listening, null) : null,
            };
        }).ToList();
        var shown = page.Take(perChannel, c => [PageRequest.Position(position[c.ChannelId]), c.ChannelId]);
        var response = new MetricsResponse(
            report.Window.From,
            report.Window.To,
            report.Window.AsOf,
            Map(report.Total),
            report.Brands.Select(b => new BrandMetricsDto(b.Brand, b.ChannelCount, Map(b.Metrics)) { Listening = b.Listening is { } l ? ListeningMapper.Map(l, null) : null }).ToList(),
            shown.Items,
            perChannel.All(c => c.Complete),
            shown.NextAfter)
        {
            Listening = report.Listening is { } total ? ListeningMapper.Map(total, null) : null,
        };
        return TypedResults.Ok(response);
    }

    /// <summary>The last <c>days</c> (1–90, 30) calendar days in each channel's time zone, for the page's per-day charts.</summary>
    private static async Task<Results<Ok<DailyMetricsResponse>, ProblemHttpResult>> GetDailyAsync([AsParameters] MetricsServices services, HttpRequest request, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("days", "channel", "brand");
        var days = q.Int("days", 30, 1, 90);
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        if (Channels(q, services.Catalog, brandMustMatch: true) is not { } channels)
        {
            return Problems.UnknownBrand(q.String("brand")!);
        }

        var asOf = services.Time.GetUtcNow();
        var daily = await services.Metrics.DailyAsync(channels, days, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new DailyMetricsResponse(asOf, [.. daily.Select(d => new DailyMetricsDto(d.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Map(d.Metrics)))]));
    }

    /// <summary>
    /// What the response clock left out, of one channel or of every channel, oldest first, a page at a time
    /// (README.md, "Paging"): <c>limit</c> (1–1000, 100) after <c>after</c>. The counts cover the whole window.
    /// </summary>
    private static async Task<Results<Ok<ExclusionListResponse>, ProblemHttpResult>> GetExclusionsAsync([AsParameters] MetricsServices services, HttpRequest request, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("channel", "from", "to", "limit", "after");
        var window = Window(q, services.Analysis.Value, services.Time);
        var page = PageRequest.Read(q, "metrics/exclusions", 3);
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        IReadOnlyList<ChannelDefinition> channels = q.String(KnownChannelFilter.QueryName) is { } channelId ? [KnownChannelFilter.Known(services.Catalog, channelId)] : [.. services.Catalog.All];

        // One channel's clock at a time: memory holds one channel's window and one page (plus one, to know whether
        // more follow) of what came before.
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var kept = page with { Limit = page.Limit + 1 };
        IReadOnlyList<ExclusionDto> items = [];
        MetricsWindow? span = null;
        foreach (var channel in channels)
        {
            var (channelSpan, excluded) = await services.Metrics.ExclusionsAsync(channel, window.From, window.To, cancellationToken).ConfigureAwait(false);
            span ??= channelSpan;
            foreach (var group in excluded.GroupBy(e => ExclusionReasonNames.Name(e.Reason)))
            {
                counts[group.Key] = counts.GetValueOrDefault(group.Key) + group.Count();
            }

            var mapped = excluded.Select(e => new ExclusionDto(e.Item.Id, e.Item.ParentId, e.Item.ThreadId, e.Item.AuthorId, e.Item.CreatedAt, ExclusionReasonNames.Name(e.Reason), e.Item.Text, e.Item.Url) { ChannelId = channel.Id, Handled = e.Mark is { } mark ? Handled.HandledEndpoints.Map(mark) : null });
            items = kept.Take(items.Concat(mapped), ExclusionKey).Items;
        }

        var shown = page.Take(items, ExclusionKey);
        span ??= MetricsWindow.Create(window.From, window.To, services.Time.GetUtcNow());
        return TypedResults.Ok(new ExclusionListResponse(channels.Count == 1 ? channels[0].Id : null, span.From, span.To, span.AsOf, counts, shown.Items, shown.NextAfter));
    }

    private static IReadOnlyList<string> ExclusionKey(ExclusionDto e) => [PageRequest.Oldest(e.CreatedAt), e.ChannelId ?? "", e.Id];

    /// <summary>
    /// The channels a query asks for (<c>channel</c>, checked by <see cref="KnownChannelFilter"/>, and <c>brand</c>);
    /// null when no channel has the brand (or, with <paramref name="brandMustMatch"/>, none of those asked for).
    /// </summary>
    private static IReadOnlyList<ChannelDefinition>? Channels(ApiQuery q, IChannelCatalog catalog, bool brandMustMatch = false)
    {
        IReadOnlyList<ChannelDefinition> channels = q.String(KnownChannelFilter.QueryName) is { } channelId ? [KnownChannelFilter.Known(catalog, channelId)] : catalog.All;
        if (q.String("brand") is { } brand)
        {
            channels = [.. channels.Where(c => string.Equals(c.Brand, brand, StringComparison.OrdinalIgnoreCase))];
            if (catalog.FindBrand(brand) is null || (brandMustMatch && channels.Count == 0))
            {
                return null;
            }
        }

        return channels;
    }

    private static Dictionary<string, int> Positions(IChannelCatalog catalog)
    {
        var positions = new Dictionary<string, int>(catalog.All.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < catalog.All.Count; i++)
        {
            positions.TryAdd(catalog.All[i].Id, i);
        }

        return positions;
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
