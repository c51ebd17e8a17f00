using ResponseMonitor.App.Api.Metrics;
using ResponseMonitor.App.Api.Paging;
using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;
using ResponseMonitor.Domain.Estate;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api.Dashboard;

/// <summary>
/// The dashboard's reads: per channel summaries, one channel in detail, the waiting messages, the warnings.
/// Every read is bounded by the number of channels, what is open, or the warnings: never by history. Each answer is
/// computed once for all clients asking within a few seconds (<see cref="ApiReadCache"/>) and carries an ETag.
/// </summary>
internal static class DashboardEndpoints
{
    private const int DetailLimit = 100;

    /// <summary>Channels whose waiting messages are read at once.</summary>
    private const int MaxParallelReads = 16;

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.GetDashboard, "dashboard", GetDashboardAsync),
        ApiRoute.Get(FunctionNames.GetChannel, "channels/{channelId}", GetChannelAsync),
        ApiRoute.Get(FunctionNames.ListUnanswered, "unanswered", GetUnansweredAsync) with { ChannelQuery = true },
    ];

    /// <summary>
    /// Every channel's summary, a page at a time (README.md, "Paging"): <c>limit</c> (1–1000, 1000) channels in
    /// configuration order after <c>after</c>, and <c>nextAfter</c>. Without them an estate of up to 1,000 channels gets
    /// them all, as before paging; the totals always count every channel.
    /// </summary>
    private static async Task<Results<CachedJsonResult, ProblemHttpResult>> GetDashboardAsync([AsParameters] DashboardServices services, HttpRequest request, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("limit", "after");
        var page = PageRequest.Read(q, "dashboard", 2, defaultLimit: PageRequest.MaxLimit);
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        var key = request.Query.ContainsKey("limit") || request.Query.ContainsKey("after")
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"dashboard:{page.Limit}:{q.String("after")}")
            : "dashboard";
        var answer = await services.Cache.GetAsync(key, ct => BuildDashboardAsync(services, page, ct), ApiJsonContext.Default.DashboardResponse, cancellationToken).ConfigureAwait(false);
        return new CachedJsonResult(answer, services.Cache.Lifetime);
    }

    /// <summary>
    /// An estate of one page (<see cref="EstateTotalsService.LiveChannels"/>) is read whole and counted live, as
    /// before paging. A larger one reads only the page's channels, and its totals are the estate's as the timer last
    /// counted them (<see cref="DashboardResponse.TotalsComputedAt"/>): a computation costs the same at 1,001 channels
    /// as at 100,000 (docs/PERFORMANCE.md, "Dashboard by channel count").
    /// </summary>
    private static async Task<DashboardResponse> BuildDashboardAsync(DashboardServices services, PageRequest page, CancellationToken cancellationToken)
    {
        var all = services.Catalog.All;
        var shown = page.TakePositions(all, c => c.Id);
        DashboardRows rows;
        EstateTotals totals;
        IEnumerable<string> brands;
        DateTimeOffset now;
        if (services.Totals.IsLive)
        {
            rows = await DashboardRows.ReadAllAsync(services.Snapshots, services.States, services.Warnings, cancellationToken).ConfigureAwait(false);
            var activeByChannel = rows.ActiveWarnings.ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
            now = services.Time.GetUtcNow();
            totals = EstateTotals.Compute(all, rows.Snapshots, activeByChannel, now);
            brands = all.Select(c => c.Brand).Distinct(StringComparer.OrdinalIgnoreCase);
        }
        else
        {
            var totalsTask = services.Totals.GetAsync(cancellationToken);
            rows = await DashboardRows.ReadPageAsync(all, shown.Items, services.Snapshots, services.States, services.Warnings, cancellationToken).ConfigureAwait(false);
            totals = await totalsTask.ConfigureAwait(false);
            brands = totals.Brands.Select(b => b.Brand);
            now = services.Time.GetUtcNow();
        }

        var channels = shown.Items
            .Select(c => ApiMapper.Summary(c, rows.Snapshots.GetValueOrDefault(c.Id), rows.States.GetValueOrDefault(c.Id), rows.ActiveWarnings[c.Id], now) with
            {
                Listening = ListeningMapper.Dashboard(c, rows.Snapshots.GetValueOrDefault(c.Id)),
            })
            .ToList();
        var detectors = new List<BrandDetectorDto>();
        foreach (var brand in brands)
        {
            // Cached by the model service: a blob read per brand at most every few minutes.
            var report = await services.Models.GetReportAsync(brand, cancellationToken).ConfigureAwait(false);
            var name = services.Detector.IsRemote ? services.Detector.Name : report is { Adopted: true } ? LearnedCriticClassifier.DetectorName : services.Detector.Name;
            detectors.Add(new BrandDetectorDto(brand, name, report?.TrainedAt, report?.Adopted, report is null ? null : Math.Round(report.Model.F1, 3), report is null ? null : Math.Round(report.BuiltIn.F1, 3)));
        }

        return new DashboardResponse(now, totals.OpenCount, totals.CriticalOpenCount, totals.ActiveWarningCount, channels, detectors, shown.NextAfter)
        {
            Brands = ListeningMapper.Brands(totals.Brands),
            TotalsComputedAt = totals.ComputedAt,
        };
    }

    private static async Task<CachedJsonResult> GetChannelAsync(string channelId, [AsParameters] DashboardServices services, CancellationToken cancellationToken)
    {
        var channel = KnownChannelFilter.Known(services.Catalog, channelId);
        var answer = await services.Cache.GetAsync("channel:" + channel.Id, ct => BuildChannelAsync(channel, services.Snapshots, services.States, services.Warnings, services.Open, services.Time, ct), ApiJsonContext.Default.ChannelDetailResponse, cancellationToken).ConfigureAwait(false);
        return new CachedJsonResult(answer, services.Cache.Lifetime);
    }

    private static async Task<ChannelDetailResponse> BuildChannelAsync(ChannelDefinition channel, ISnapshotStore snapshots, IChannelStateStore states, IWarningStore warnings, IOpenCommentStore open, TimeProvider time, CancellationToken cancellationToken)
    {
        var snapshot = snapshots.GetAsync(channel.Id, cancellationToken);
        var state = states.GetAsync(channel.Id, cancellationToken);
        var channelWarnings = warnings.ListAsync(new WarningQuery { ChannelId = channel.Id, Max = int.MaxValue }, cancellationToken);
        var waiting = open.GetAsync(channel.Id, cancellationToken);
        await Task.WhenAll(snapshot, state, channelWarnings, waiting).ConfigureAwait(false);

        var now = time.GetUtcNow();
        var summary = ApiMapper.Summary(channel, snapshot.Result, state.Result, channelWarnings.Result.Where(w => w.IsActive), now) with
        {
            Listening = ListeningMapper.Dashboard(channel, snapshot.Result),
        };
        return new ChannelDetailResponse(
            summary,
            waiting.Result.Take(DetailLimit).Select(o => ApiMapper.Unanswered(channel, o, now)).ToList(),
            channelWarnings.Result.OrderByDescending(w => w.UpdatedAt).Take(DetailLimit).Select(ApiMapper.Warning).ToList());
    }

    /// <summary>
    /// The waiting messages of every channel (or of <c>channel</c>), a page at a time: <c>limit</c> (1–1000, 100) after
    /// <c>after</c>, oldest first or, with <c>order=due</c>, soonest breach first (breached ones are the soonest), then
    /// those no rule applies to. <c>total</c> counts all that match.
    /// </summary>
    private static async Task<Results<CachedJsonResult, ProblemHttpResult>> GetUnansweredAsync([AsParameters] DashboardServices services, HttpRequest request, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("channel", "critical", "order", "limit", "after");
        bool? critical = null;
        if (q.String("critical") is { } criticalText)
        {
            if (bool.TryParse(criticalText, out var parsed))
            {
                critical = parsed;
            }
            else
            {
                q.Fail($"Query 'critical' must be 'true' or 'false', not '{ErrorText.Quote(criticalText)}'.");
            }
        }

        var order = q.String("order") ?? "oldest";
        if (order is not ("oldest" or "due"))
        {
            q.Fail($"Query 'order' must be 'oldest' or 'due', not '{ErrorText.Quote(order)}'.");
        }

        var byDue = order == "due";
        var page = PageRequest.Read(q, "unanswered:" + order, byDue ? 4 : 3);
        if (q.Error is not null)
        {
            return Problems.BadRequest(q.Error);
        }

        ChannelDefinition[] channels = q.String(KnownChannelFilter.QueryName) is { } channelId ? [KnownChannelFilter.Known(services.Catalog, channelId)] : [.. services.Catalog.All];
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"unanswered:{(channels.Length == 1 && q.String("channel") is not null ? channels[0].Id : "*")}:{critical}:{page.Limit}:{order}:{q.String("after")}");
        var answer = await services.Cache.GetAsync(key, ct => BuildUnansweredAsync(channels, critical, page, byDue, services.Open, services.Time, ct), ApiJsonContext.Default.UnansweredResponse, cancellationToken).ConfigureAwait(false);
        return new CachedJsonResult(answer, services.Cache.Lifetime);
    }

    private static async Task<UnansweredResponse> BuildUnansweredAsync(ChannelDefinition[] channels, bool? critical, PageRequest page, bool byDue, IOpenCommentStore open, TimeProvider time, CancellationToken cancellationToken)
    {
        // One read per channel, a few at a time: 1,100 at once made the storage emulator time out (ListPagingTests),
        // and a real account throttles a burst the same way.
        var perChannel = new IReadOnlyList<OpenComment>[channels.Length];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, channels.Length),
            new ParallelOptions { MaxDegreeOfParallelism = MaxParallelReads, CancellationToken = cancellationToken },
            async (i, ct) => perChannel[i] = await open.GetAsync(channels[i].Id, ct).ConfigureAwait(false)).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var matching = perChannel
            .SelectMany((waiting, i) => waiting.Select(o => (Channel: channels[i], Open: o)))
            .Where(x => critical is null || x.Open.Verdict.IsCritical == critical)
            .ToList();
        var shown = page.Take(matching, x => byDue
            ? [PageRequest.Oldest(Domain.Warnings.AnswerDeadline.For(x.Channel, x.Open.Item.CreatedAt, x.Open.Verdict.IsCritical)?.At ?? DateTimeOffset.MaxValue), PageRequest.Oldest(x.Open.Item.CreatedAt), x.Channel.Id, x.Open.Item.Id]
            : [PageRequest.Oldest(x.Open.Item.CreatedAt), x.Channel.Id, x.Open.Item.Id]);
        return new UnansweredResponse(matching.Count, [.. shown.Items.Select(x => ApiMapper.Unanswered(x.Channel, x.Open, now))], shown.NextAfter);
    }
}
