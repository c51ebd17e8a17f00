using ResponseMonitor.App.Api.Metrics;
using ResponseMonitor.App.Api.ReadCache;
using ResponseMonitor.App.Functions;
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
public static class DashboardEndpoints
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.GetDashboard, "dashboard", GetDashboardAsync),
        ApiRoute.Get(FunctionNames.GetChannel, "channels/{channelId}", GetChannelAsync),
        ApiRoute.Get(FunctionNames.ListUnanswered, "unanswered", GetUnansweredAsync),
    ];

    /// <summary>
    /// Every channel's summary, at most <see cref="MaxLimit"/> a page: <c>limit</c> (1–1000, 1000) channels after the
    /// channel <c>after</c>, in configuration order, and <c>nextAfter</c> to ask for the next page (null on the last).
    /// Without them an estate of up to 1,000 channels gets them all, as before paging; the totals always count every
    /// channel.
    /// </summary>
    private static async Task<IResult> GetDashboardAsync(HttpRequest request, ApiReadCache cache, IChannelCatalog catalog, ISnapshotStore snapshots, IChannelStateStore states, IWarningStore warnings, ICriticClassifier detector, CriticModelService models, TimeProvider time, CancellationToken cancellationToken)
    {
        var limit = MaxLimit;
        if (request.Query["limit"].FirstOrDefault() is { } limitText && (!int.TryParse(limitText, out limit) || limit < 1 || limit > MaxLimit))
        {
            return Problems.BadRequest($"Query 'limit' must be a whole number from 1 to {MaxLimit}, not '{limitText}'.");
        }

        var after = request.Query["after"].FirstOrDefault();
        if (after is not null && catalog.Find(after) is null)
        {
            return Problems.UnknownChannel(after);
        }

        var key = after is null && limit == MaxLimit ? "dashboard" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"dashboard:{limit}:{after}");
        var answer = await cache.GetAsync(key, ct => BuildDashboardAsync(catalog, snapshots, states, warnings, detector, models, time, limit, after, ct), ApiJsonContext.Default.DashboardResponse, cancellationToken).ConfigureAwait(false);
        return new CachedJsonResult(answer, cache.Lifetime);
    }

    private static async Task<DashboardResponse> BuildDashboardAsync(IChannelCatalog catalog, ISnapshotStore snapshots, IChannelStateStore states, IWarningStore warnings, ICriticClassifier detector, CriticModelService models, TimeProvider time, int limit, string? after, CancellationToken cancellationToken)
    {
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

        var rest = after is null ? channels : channels.SkipWhile(c => !string.Equals(c.Id, after, StringComparison.Ordinal)).Skip(1).ToList();
        var page = rest.Take(limit).ToList();
        var nextAfter = rest.Count > page.Count ? page[^1].Id : null;
        return new DashboardResponse(now, channels.Sum(c => c.OpenCount), channels.Sum(c => c.CriticalOpenCount), channels.Sum(c => c.ActiveWarningCount), page, detectors, nextAfter)
        {
            Brands = ListeningMapper.Brands(catalog.All, snapshotById),
        };
    }

    private static async Task<IResult> GetChannelAsync(string channelId, ApiReadCache cache, IChannelCatalog catalog, ISnapshotStore snapshots, IChannelStateStore states, IWarningStore warnings, IOpenCommentStore open, TimeProvider time, CancellationToken cancellationToken)
    {
        if (catalog.Find(channelId) is not { } channel)
        {
            return Problems.UnknownChannel(channelId);
        }

        var answer = await cache.GetAsync("channel:" + channel.Id, ct => BuildChannelAsync(channel, snapshots, states, warnings, open, time, ct), ApiJsonContext.Default.ChannelDetailResponse, cancellationToken).ConfigureAwait(false);
        return new CachedJsonResult(answer, cache.Lifetime);
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
            waiting.Result.Take(DefaultLimit).Select(o => ApiMapper.Unanswered(channel, o, now)).ToList(),
            channelWarnings.Result.OrderByDescending(w => w.UpdatedAt).Take(DefaultLimit).Select(ApiMapper.Warning).ToList());
    }

    private static async Task<IResult> GetUnansweredAsync(HttpRequest request, ApiReadCache cache, IChannelCatalog catalog, IOpenCommentStore open, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = request.Query;
        var channelId = query["channel"].FirstOrDefault();
        ChannelDefinition[] channels;
        if (string.IsNullOrEmpty(channelId))
        {
            channels = [.. catalog.All];
        }
        else if (catalog.Find(channelId) is { } channel)
        {
            channels = [channel];
        }
        else
        {
            return Problems.UnknownChannel(channelId);
        }

        bool? critical = null;
        if (query["critical"].FirstOrDefault() is { } criticalText)
        {
            if (!bool.TryParse(criticalText, out var parsed))
            {
                return Problems.BadRequest($"Query 'critical' must be 'true' or 'false', not '{ErrorText.Quote(criticalText)}'.");
            }

            critical = parsed;
        }

        var limit = DefaultLimit;
        if (query["limit"].FirstOrDefault() is { } limitText && (!int.TryParse(limitText, out limit) || limit < 1 || limit > MaxLimit))
        {
            return Problems.BadRequest($"Query 'limit' must be a whole number from 1 to {MaxLimit}, not '{ErrorText.Quote(limitText)}'.");
        }

        var order = query["order"].FirstOrDefault() ?? "oldest";
        if (order is not ("oldest" or "due"))
        {
            return Problems.BadRequest($"Query 'order' must be 'oldest' or 'due', not '{ErrorText.Quote(order)}'.");
        }

        var unknown = query.Keys.Except(["channel", "critical", "limit", "order", ApiQuery.FunctionKey], StringComparer.OrdinalIgnoreCase).ToList();
        if (unknown.Count > 0)
        {
            return Problems.BadRequest($"Unknown query parameter '{ErrorText.Quote(unknown[0])}'; this route takes channel, critical, limit and order.");
        }

        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"unanswered:{(channels.Length == 1 && !string.IsNullOrEmpty(channelId) ? channels[0].Id : "*")}:{critical}:{limit}:{order}");
        var answer = await cache.GetAsync(key, ct => BuildUnansweredAsync(channels, critical, limit, order == "due", open, time, ct), ApiJsonContext.Default.UnansweredResponse, cancellationToken).ConfigureAwait(false);
        return new CachedJsonResult(answer, cache.Lifetime);
    }

    /// <param name="byDue">Soonest breach first (breached ones are the soonest), then those no rule applies to; else oldest first.</param>
    private static async Task<UnansweredResponse> BuildUnansweredAsync(ChannelDefinition[] channels, bool? critical, int limit, bool byDue, IOpenCommentStore open, TimeProvider time, CancellationToken cancellationToken)
    {
        var perChannel = await Task.WhenAll(channels.Select(async c => (Channel: c, Open: await open.GetAsync(c.Id, cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var matching = perChannel
            .SelectMany(c => c.Open.Select(o => (c.Channel, o)))
            .Where(x => critical is null || x.o.Verdict.IsCritical == critical)
            .Select(x => (x.Channel, x.o, Due: byDue ? Domain.Warnings.AnswerDeadline.For(x.Channel, x.o.Item.CreatedAt, x.o.Verdict.IsCritical)?.At ?? DateTimeOffset.MaxValue : default))
            .OrderBy(x => x.Due)
            .ThenBy(x => x.o.Item.CreatedAt)
            .ThenBy(x => x.o.Item.Id, StringComparer.Ordinal)
            .ToList();
        return new UnansweredResponse(matching.Count, matching.Take(limit).Select(x => ApiMapper.Unanswered(x.Channel, x.o, now)).ToList());
    }
}
