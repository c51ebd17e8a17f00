using ResponseMonitor.App.Api.Paging;
using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Text;
using ResponseMonitor.Domain.Warnings;

namespace ResponseMonitor.App.Api.Warnings;

/// <summary>
/// Warnings now (<c>GET /api/warnings</c>) and every transition they went through (<c>GET /api/warnings/history</c>),
/// newest first, a page at a time (README.md, "Paging").
/// </summary>
internal static class WarningEndpoints
{
    public static readonly IReadOnlySet<WarningState> ActiveStates = new HashSet<WarningState> { WarningState.Pending, WarningState.Firing };

    /// <summary>A page of warnings holds up to 5,000, as the list did before paging.</summary>
    private const int MaxWarnings = 5000;

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.ListWarnings, "warnings", GetWarningsAsync) with { ChannelQuery = true },
        ApiRoute.Get(FunctionNames.ListWarningHistory, "warnings/history", GetHistoryAsync) with { ChannelQuery = true },
    ];

    private static async Task<Results<Ok<WarningListResponse>, ProblemHttpResult>> GetWarningsAsync(HttpRequest request, IChannelCatalog catalog, IWarningStore warnings, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("state", "channel", "rule", "severity", "from", "to", "limit", "after");
        var stateText = q.String("state") ?? "active";
        IReadOnlySet<WarningState>? states = stateText.ToLowerInvariant() switch
        {
            "active" => ActiveStates,
            "all" => null,
            _ => StrictText.TryParseName<WarningState>(stateText, out var one)
                ? new HashSet<WarningState> { one }
                : Fail(q, $"Query 'state' must be active, pending, firing, resolved, inactive or all, not '{ErrorText.Quote(stateText)}'."),
        };
        var page = PageRequest.Read(q, "warnings", 4, defaultLimit: 500, maxLimit: MaxWarnings);
        var bound = page.NewestBound(q);
        if (Filters(q, catalog) is not { } query)
        {
            return Problems.BadRequest(q.Error!);
        }

        // The next page changed no later than the last one shown: the store skips what is newer.
        var to = bound is { } newest ? Min(query.To, newest) : query.To;
        var shown = await page.TakeAsync(warnings.StreamAsync(query with { States = states, To = to }, cancellationToken), w => [PageRequest.Newest(w.UpdatedAt), w.ChannelId, w.Rule, w.Subject], cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new WarningListResponse([.. shown.Items.Select(ApiMapper.Warning)], shown.NextAfter is not null, shown.NextAfter));
    }

    private static async Task<Results<Ok<WarningHistoryResponse>, ProblemHttpResult>> GetHistoryAsync(HttpRequest request, IChannelCatalog catalog, IWarningStore warnings, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        q.Only("channel", "rule", "severity", "from", "to", "limit", "after");
        var page = PageRequest.Read(q, "warnings/history", 6, defaultLimit: 500, maxLimit: MaxWarnings);
        var bound = page.NewestBound(q);
        if (Filters(q, catalog) is not { } query)
        {
            return Problems.BadRequest(q.Error!);
        }

        var to = bound is { } newest ? Min(query.To, newest) : query.To;
        var shown = await page.TakeAsync(warnings.StreamHistoryAsync(query with { To = to }, cancellationToken), h => [PageRequest.Newest(h.At), h.ChannelId, h.Rule, h.Subject, h.Event, h.Message], cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new WarningHistoryResponse([.. shown.Items.Select(ApiMapper.History)], shown.NextAfter));
    }

    /// <summary>The filters both routes share; null (with <see cref="ApiQuery.Error"/> set) when one is wrong.</summary>
    private static WarningQuery? Filters(ApiQuery q, IChannelCatalog catalog)
    {
        var rule = q.String("rule");
        if (rule is not null && !WarningRules.All.Contains(rule))
        {
            q.Fail($"Query 'rule' must be one of {string.Join(", ", WarningRules.All)}, not '{ErrorText.Quote(rule)}'.");
        }

        var query = new WarningQuery
        {
            // Checked by KnownChannelFilter; stored under the configured spelling.
            ChannelId = q.String(KnownChannelFilter.QueryName) is { } channelId ? KnownChannelFilter.Known(catalog, channelId).Id : null,
            Rule = rule,
            MinSeverity = q.Enum<WarningSeverity>("severity"),
            From = q.Instant("from"),
            To = q.Instant("to"),
        };
        return q.Error is null ? query : null;
    }

    private static DateTimeOffset Min(DateTimeOffset? a, DateTimeOffset b) => a is { } value && value < b ? value : b;

    private static HashSet<WarningState>? Fail(ApiQuery q, string error)
    {
        q.Fail(error);
        return null;
    }
}
