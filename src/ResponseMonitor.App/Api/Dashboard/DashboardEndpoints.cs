using ResponseMonitor.App.Api.Metrics;
using ResponseMonitor.App.Api.Paging;
using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Analysis;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Critics;
using ResponseMonitor.Domain.Critics.Learning;
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

    private static async Task<DashboardResponse> BuildDashboardAsync(DashboardServices services, PageRequest page, CancellationToken cancellationToken)
    {
        var (catalog, snapshots, states, warnings, detector, models, time) = (services.Catalog, services.Snapshots, services.States, services.Warnings, services.Detector, services.Models, services.Time);
        var snapshotTask = snapshots.GetAllAsync(cancellationToken);
        var stateTask = states.GetAllAsync(cancellationToken);
        // Every active warning, so that the counts are true; each channel lists the most severe few.
        var warningTask = warnings.ListAsync(new WarningQuery { States = WarningEndpoints.ActiveStates, Max = int.MaxValue }, cancellationToken);
        await Task.WhenAll(snapshotTask, stateTask, warningTask).ConfigureAwait(false);

        var now = time.GetUtcNow();
        var snapshotById = snapshotTask.Result.ToDictionary(s => s.ChannelId, StringComparer.OrdinalIgnoreCase);
        var stateById = stateTask.Result.ToDictionary(s => s.ChannelId, StringComparer.OrdinalIgnoreCase);
        var warningsByChannel = warningTask.Result.ToLookup(w => w.ChannelId, StringComparer.OrdinalIgnoreCase);
        var channels = catalog.All
            .Select(c => ApiMapper.Summary(c, snapshotById.GetValueOrDefault(c.Id), stateById.GetValueOrDefault(c.Id), warningsByChannel[c.Id], now) with
            {
                Listening = ListeningMapper.Dashboard(c, snapshotById.GetValueOrDefault(c.Id)),
            })
            .ToList();
        var detectors = new List<BrandDetectorDto>();
        foreach (var brand in catalog.All.Select(c => c.Brand).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            // Cached by the model service: a blob read per brand at most every few minutes.
            var report = await models.GetReportAsync(brand, cancellationToken).ConfigureAwait(false);
            var name = detector.IsRemote ? detector.Name : report is { Adopted: true } ? LearnedCriticClassifier.DetectorName : detector.Name;
            detectors.Add(new BrandDetectorDto(brand, name, report?.TrainedAt, report?.Adopted, report is null ? null : Math.Round(report.Model.F1, 3), report is null ? null : Math.Round(report.BuiltIn.F1, 3)));
        }

        var shown = page.Take(channels.Select((c, i) => (Channel: c, Index: i)), c => [PageRequest.Position(c.Index), c.Channel.Id]);
        return new DashboardResponse(now, channels.Sum(c => c.OpenCount), channels.Sum(c => c.CriticalOpenCount), channels.Sum(c => c.ActiveWarningCount), [.. shown.Items.Select(c => c.Channel)], detectors, shown.NextAfter)
        {
            Brands = ListeningMapper.Brands(catalog.All, snapshotById),
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
