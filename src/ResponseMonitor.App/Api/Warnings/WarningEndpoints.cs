using ResponseMonitor.App.Functions;
using ResponseMonitor.Domain.Channels;
using ResponseMonitor.Domain.Ports;
using ResponseMonitor.Domain.Warnings;
using ResponseMonitor.Domain.Text;

namespace ResponseMonitor.App.Api.Warnings;

/// <summary>Warnings now (<c>GET /api/warnings</c>) and every transition they went through (<c>GET /api/warnings/history</c>).</summary>
public static class WarningEndpoints
{
    public static readonly IReadOnlySet<WarningState> ActiveStates = new HashSet<WarningState> { WarningState.Pending, WarningState.Firing };

    /// <summary>This feature's routes, served by both hosts.</summary>
    internal static IReadOnlyList<ApiRoute> Routes { get; } =
    [
        ApiRoute.Get(FunctionNames.ListWarnings, "warnings", GetWarningsAsync),
        ApiRoute.Get(FunctionNames.ListWarningHistory, "warnings/history", GetHistoryAsync),
    ];

    private static async Task<IResult> GetWarningsAsync(HttpRequest request, IChannelCatalog catalog, IWarningStore warnings, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        if (q.String("channel") is { } unknown && catalog.Find(unknown) is null)
        {
            return Problems.UnknownChannel(unknown);
        }

        q.Only("state", "channel", "rule", "severity", "from", "to", "limit");
        var stateText = q.String("state") ?? "active";
        IReadOnlySet<WarningState>? states = stateText.ToLowerInvariant() switch
        {
            "active" => ActiveStates,
            "all" => null,
            _ => StrictText.TryParseName<WarningState>(stateText, out var one)
                ? new HashSet<WarningState> { one }
                : Fail(q, $"Query 'state' must be active, pending, firing, resolved, inactive or all, not '{ErrorText.Quote(stateText)}'."),
        };
        if (Filters(q, catalog) is not { } query)
        {
            return Problems.BadRequest(q.Error!);
        }

        // One more than asked tells whether the list was cut.
        var list = await warnings.ListAsync(query with { States = states, Max = query.Max + 1 }, cancellationToken).ConfigureAwait(false);
        var items = list.Take(query.Max).OrderByDescending(w => w.UpdatedAt).ThenBy(w => w.ChannelId, StringComparer.Ordinal).Select(ApiMapper.Warning).ToList();
        return Results.Json(new WarningListResponse(items, list.Count > query.Max), ApiJsonContext.Default.WarningListResponse);
    }

    private static async Task<IResult> GetHistoryAsync(HttpRequest request, IChannelCatalog catalog, IWarningStore warnings, CancellationToken cancellationToken)
    {
        var q = new ApiQuery(request.Query);
        if (q.String("channel") is { } unknown && catalog.Find(unknown) is null)
        {
            return Problems.UnknownChannel(unknown);
        }

        q.Only("channel", "rule", "severity", "from", "to", "limit");
        if (Filters(q, catalog) is not { } query)
        {
            return Problems.BadRequest(q.Error!);
        }

        var list = await warnings.ListHistoryAsync(query, cancellationToken).ConfigureAwait(false);
        return Results.Json(new WarningHistoryResponse(list.Select(ApiMapper.History).ToList()), ApiJsonContext.Default.WarningHistoryResponse);
    }

    /// <summary>The filters both routes share; null (with <see cref="ApiQuery.Error"/> set) when one is wrong.</summary>
    private static WarningQuery? Filters(ApiQuery q, IChannelCatalog catalog)
    {
        var channelId = q.String("channel");
        if (channelId is not null)
        {
            if (catalog.Find(channelId) is { } channel)
            {
                channelId = channel.Id;
            }
            else
            {
                q.Fail($"No channel '{channelId}' is configured.");
            }
        }

        var rule = q.String("rule");
        if (rule is not null && !WarningRules.All.Contains(rule))
        {
            q.Fail($"Query 'rule' must be one of {string.Join(", ", WarningRules.All)}, not '{ErrorText.Quote(rule)}'.");
        }

        var query = new WarningQuery
        {
            ChannelId = channelId,
            Rule = rule,
            MinSeverity = q.Enum<WarningSeverity>("severity"),
            From = q.Instant("from"),
            To = q.Instant("to"),
            Max = q.Int("limit", 500, 1, 5000),
        };
        return q.Error is null ? query : null;
    }

    private static HashSet<WarningState>? Fail(ApiQuery q, string error)
    {
        q.Fail(error);
        return null;
    }
}
